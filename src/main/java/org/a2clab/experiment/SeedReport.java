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
        int n = outcomes.size();
        long[] seeds = new long[n];
        boolean[] solved = new boolean[n];
        long[] steps = new long[n];
        double[] finals = new double[n];
        for (int i = 0; i < n; i++) {
            TrainingRun.Outcome o = outcomes.get(i);
            seeds[i] = o.result().hp().seed();
            solved[i] = o.result().solved();
            steps[i] = o.result().envSteps();
            finals[i] = o.result().meanReturnLast100();
        }
        return of(seeds, solved, steps, finals);
    }

    /** From each run's seed, whether it solved, its env steps and final mean-100 return (NaN: no episode yet). */
    public static SeedReport of(long[] seeds, boolean[] solvedRuns, long[] envSteps, double[] finalReturns) {
        int n = seeds.length;
        double[] steps = new double[n];
        double[] finals = new double[n];
        int solved = 0;
        boolean anyReturn = false;
        long slowestSeed = -1;
        double slowest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            steps[i] = SeedStatistics.stepsToTarget(solvedRuns[i], envSteps[i]);
            // a run stopped before its first episode ended has no return yet: count it as 0
            finals[i] = Double.isNaN(finalReturns[i]) ? 0 : finalReturns[i];
            anyReturn |= !Double.isNaN(finalReturns[i]);
            solved += solvedRuns[i] ? 1 : 0;
            if (steps[i] > slowest) {
                slowest = steps[i];
                slowestSeed = seeds[i];
            }
        }
        // no run finished an episode: there is no return to average, as each run says (null)
        double iqm = anyReturn ? SeedStatistics.iqm(finals) : Double.NaN;
        Bootstrap.Interval iqmCi = anyReturn ? Bootstrap.ci95(finals, SeedStatistics::iqm)
                : new Bootstrap.Interval(Double.NaN, Double.NaN);
        return new SeedReport(n, solved, SeedStatistics.median(steps),
                Bootstrap.ci95(steps, SeedStatistics::median), iqm, iqmCi, slowestSeed, slowest);
    }

    public double solvedFraction() {
        return (double) solved / runs;
    }
}
