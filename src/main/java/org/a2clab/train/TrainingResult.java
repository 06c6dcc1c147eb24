package org.a2clab.train;

/**
 * How a headless run ended. {@code solved}: the mean return of the last 100 finished episodes
 * reached the target; {@code trainingSeconds} counts the updates only, not start-up.
 */
public record TrainingResult(boolean solved, long envSteps, long updates, long episodes,
        double trainingSeconds, double meanReturnLast100, String device, Hyperparameters hp) {
    public double stepsPerSecond() {
        return trainingSeconds > 0 ? envSteps / trainingSeconds : 0;
    }
}
