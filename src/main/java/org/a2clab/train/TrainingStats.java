package org.a2clab.train;

/**
 * A run's counters at one moment, copied on the training thread: what the app reads besides the
 * network (export's manifest, the device it trains on). Immutable, so it may leave that thread.
 *
 * @param meanReturnLast100 NaN before the first finished episode
 * @param solvedAtStep env steps when the run first met {@link StopRule#solved}; −1 while it never has
 * @param trainingSeconds the updates' wall time, start-up excluded
 */
public record TrainingStats(long envSteps, long updates, long episodes, double meanReturnLast100,
        long solvedAtStep, double trainingSeconds, String device) {

    /** The counters of {@code a2c} now; call on its thread. */
    static TrainingStats of(A2c a2c) {
        return new TrainingStats(a2c.envSteps(), a2c.updates(), a2c.episodes(), a2c.meanReturnLast100(),
                a2c.solvedEnvSteps(), a2c.trainingSeconds(), a2c.deviceName());
    }

    public boolean solved() {
        return solvedAtStep >= 0;
    }
}
