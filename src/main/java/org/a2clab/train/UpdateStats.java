package org.a2clab.train;

import java.util.Map;
import org.a2clab.agent.PolicyKind;

/**
 * What one A2C update did, published after it. Losses are batch means; {@code gradNorm} is the
 * global gradient norm before clipping; {@code explainedVariance} = 1 − Var(R − V)/Var(R) says how
 * much of the n-step returns the critic predicts (1 perfect, ≤ 0 useless). {@code probRight}
 * summarises π(right|s) over the batch (for a Gaussian policy P(a > 0) = Φ(μ/σ)); a Gaussian
 * policy's update also summarises μ(s) and σ(s) over the batch in {@code actionMean} and
 * {@code actionStd}, which are null for a categorical one. {@code entropy} is the batch mean of
 * H(π(·|s)) for either kind.
 */
public record UpdateStats(long update, long envSteps, long episodes, double policyLoss,
        double valueLoss, double entropy, double totalLoss, double explainedVariance,
        double gradNorm, double learningRate, Summary probRight, Summary value,
        Summary nStepReturn, Summary advantage, double meanReturnLast100, double stepsPerSecond,
        double trainingSeconds, Summary actionMean, Summary actionStd) {

    /** The kind of policy that made this update: its statistics hold μ and σ exactly when Gaussian. */
    public PolicyKind policy() {
        return actionMean == null ? PolicyKind.CATEGORICAL : PolicyKind.GAUSSIAN;
    }

    /**
     * The batch statistics this update's distribution adds, by name in order (see
     * {@link org.a2clab.agent.ActionDistribution#updateStatistics}): μ(s) and σ(s), or none.
     */
    public Map<String, Summary> actorStatistics() {
        return policy().distribution().updateStatistics(actionMean, actionStd);
    }

    /** A categorical policy's statistics (no μ or σ). */
    public UpdateStats(long update, long envSteps, long episodes, double policyLoss,
            double valueLoss, double entropy, double totalLoss, double explainedVariance,
            double gradNorm, double learningRate, Summary probRight, Summary value,
            Summary nStepReturn, Summary advantage, double meanReturnLast100, double stepsPerSecond,
            double trainingSeconds) {
        this(update, envSteps, episodes, policyLoss, valueLoss, entropy, totalLoss, explainedVariance,
                gradNorm, learningRate, probRight, value, nStepReturn, advantage, meanReturnLast100,
                stepsPerSecond, trainingSeconds, null, null);
    }

}
