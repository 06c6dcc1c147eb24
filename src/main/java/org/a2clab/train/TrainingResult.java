package org.a2clab.train;

/**
 * How a run ended. {@code solved}: the run met {@link StopRule#solved} at some point, first at
 * {@code solvedAtStep} env steps (−1: never); {@code meanReturnLast100} is the mean now, which
 * may have fallen since. {@code trainingSeconds} counts the updates only, not start-up.
 */
public record TrainingResult(boolean solved, long envSteps, long updates, long episodes,
        double trainingSeconds, double meanReturnLast100, String device, Hyperparameters hp,
        long solvedAtStep) {
    public TrainingResult {
        if (solved != solvedAtStep >= 0) {
            throw new IllegalArgumentException("solved must match solvedAtStep: " + solved + ", " + solvedAtStep);
        }
    }

    /** A run that is solved now (e.g. the CLI, which stops once solved) was first solved at its last step. */
    public TrainingResult(boolean solved, long envSteps, long updates, long episodes,
            double trainingSeconds, double meanReturnLast100, String device, Hyperparameters hp) {
        this(solved, envSteps, updates, episodes, trainingSeconds, meanReturnLast100, device, hp,
                solved ? envSteps : -1);
    }

    public double stepsPerSecond() {
        return trainingSeconds > 0 ? envSteps / trainingSeconds : 0;
    }
}
