package org.a2clab.train;

/**
 * How a run ended. {@code envSteps}, {@code updates}, {@code episodes} and {@code trainingSeconds}
 * are the run's totals; {@code solved}: the run met {@link StopRule#solved} at some point, first at
 * {@code solvedAtStep} env steps (−1: never) after {@code solvedAtSeconds} of training (NaN: never,
 * or not known, as for a manifest, which does not record it). A run may train past its solve (the
 * app's Training tab), so the two differ; {@code meanReturnLast100} is the mean now, which may have
 * fallen since. {@code trainingSeconds} counts the updates only, not start-up.
 */
public record TrainingResult(boolean solved, long envSteps, long updates, long episodes,
        double trainingSeconds, double meanReturnLast100, String device, Hyperparameters hp,
        long solvedAtStep, double solvedAtSeconds) {
    public TrainingResult {
        if (solved != solvedAtStep >= 0) {
            throw new IllegalArgumentException("solved must match solvedAtStep: " + solved + ", " + solvedAtStep);
        }
    }

    /** A run that is solved now (e.g. the CLI, which stops once solved) was first solved at its last step. */
    public TrainingResult(boolean solved, long envSteps, long updates, long episodes,
            double trainingSeconds, double meanReturnLast100, String device, Hyperparameters hp) {
        this(solved, envSteps, updates, episodes, trainingSeconds, meanReturnLast100, device, hp,
                solved ? envSteps : -1, solved ? trainingSeconds : Double.NaN);
    }

    /** The run's total env steps over its total training time. */
    public double stepsPerSecond() {
        return trainingSeconds > 0 ? envSteps / trainingSeconds : 0;
    }
}
