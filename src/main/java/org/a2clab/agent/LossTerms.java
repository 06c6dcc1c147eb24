package org.a2clab.agent;

/**
 * The parts of one A2C loss, averaged over the batch: {@code policyLoss} = −mean(A·log π(a|s)),
 * {@code valueLoss} = mean((R − V(s))²), {@code entropy} = mean H(π(·|s)), {@code totalLoss} =
 * policyLoss + c·valueLoss − β·entropy, and the global gradient norm before clipping.
 */
public record LossTerms(double policyLoss, double valueLoss, double entropy, double totalLoss,
        double gradNorm) {
    public boolean isFinite() {
        return Double.isFinite(totalLoss) && Double.isFinite(gradNorm);
    }
}
