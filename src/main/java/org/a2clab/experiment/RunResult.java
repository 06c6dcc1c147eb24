package org.a2clab.experiment;

/**
 * What a finished run's result.json says: solved or not, env steps (to the target when solved),
 * final mean-100 return (NaN before any episode), training wall time, best greedy evaluation
 * (NaN without evaluation).
 */
public record RunResult(boolean solved, long envSteps, double finalMeanReturn, double wallSeconds,
        double bestGreedyReturn) {
}
