package org.a2clab.experiment;

import java.util.List;
import org.a2clab.stats.Bootstrap;
import org.a2clab.stats.SeedStatistics;

/**
 * Statistics over the runs of one setting, as DESIGN §6 asks: fraction solved, median env steps
 * to the target (unsolved = +∞) and IQM of the final mean-100 return, each with its 95%
 * percentile-bootstrap interval. A run without a finished episode counts as return 0; when no
 * run has one, the IQM and its interval are NaN (written as null).
 */
public record SeedReport(int runs, int solved, double medianStepsToTarget, Bootstrap.Interval medianStepsCi,
        double iqmFinalReturn, Bootstrap.Interval iqmFinalReturnCi, long slowestSeed,
        double slowestSteps) {

    public static SeedReport of(List<TrainingRun.Outcome> outcomes) {
        long[] seeds = outcomes.stream().mapToLong(o -> o.result().hp().seed()).toArray();
        return of(seeds, RunScores.ofOutcomes(outcomes));
    }

    /** From each run's seed, whether it solved, its env steps and final mean-100 return (NaN: no episode yet). */
    public static SeedReport of(long[] seeds, boolean[] solvedRuns, long[] envSteps, double[] finalReturns) {
        return of(seeds, RunScores.of(solvedRuns, envSteps, finalReturns));
    }

    /** From each run's seed and its scores (in the same order). */
    public static SeedReport of(long[] seeds, RunScores scores) {
        double[] steps = scores.stepsToTarget();
        double[] finals = scores.finalReturns();
        int solved = 0;
        long slowestSeed = -1;
        double slowest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < seeds.length; i++) {
            solved += Double.isFinite(steps[i]) ? 1 : 0;
            if (steps[i] > slowest) {
                slowest = steps[i];
                slowestSeed = seeds[i];
            }
        }
        // no run finished an episode: there is no return to average, as each run says (null)
        boolean anyReturn = scores.withReturn() > 0;
        double iqm = anyReturn ? SeedStatistics.iqm(finals) : Double.NaN;
        Bootstrap.Interval iqmCi = anyReturn ? Bootstrap.ci95(finals, SeedStatistics::iqm)
                : new Bootstrap.Interval(Double.NaN, Double.NaN);
        return new SeedReport(seeds.length, solved, SeedStatistics.median(steps),
                Bootstrap.ci95(steps, SeedStatistics::median), iqm, iqmCi, slowestSeed, slowest);
    }

    public double solvedFraction() {
        return (double) solved / runs;
    }
}
