package org.a2clab.train;

/**
 * What one A2C update did, published after it. Losses are batch means; {@code gradNorm} is the
 * global gradient norm before clipping; {@code explainedVariance} = 1 − Var(R − V)/Var(R) says how
 * much of the n-step returns the critic predicts (1 perfect, ≤ 0 useless).
 */
public record UpdateStats(long update, long envSteps, long episodes, double policyLoss,
        double valueLoss, double entropy, double totalLoss, double explainedVariance,
        double gradNorm, double learningRate, Summary probRight, Summary value,
        Summary nStepReturn, Summary advantage, double meanReturnLast100, double stepsPerSecond,
        double trainingSeconds) {
}
