package org.a2clab.experiment;

/**
 * What a finished run's result.json says: the solve (whether the run met the target, first at
 * {@code solvedAtSteps} env steps, −1 if never, after {@code solvedAtSeconds} of training, NaN if
 * never) and the run's totals (env steps and training wall time, which go on past the solve when
 * the app's run kept training), final mean-100 return (NaN before any episode), best greedy
 * evaluation (NaN without evaluation).
 */
public record RunResult(boolean solved, long solvedAtSteps, double solvedAtSeconds, long envSteps,
        double finalMeanReturn, double wallSeconds, double bestGreedyReturn) {

    /** Training time to the target when solved (and known), else the whole run's. */
    public double wallToTarget() {
        return solved && !Double.isNaN(solvedAtSeconds) ? solvedAtSeconds : wallSeconds;
    }
}
