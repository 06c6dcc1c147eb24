package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.a2clab.stats.Bootstrap;
import org.a2clab.stats.SeedStatistics;

/**
 * Statistics over the runs of one setting, as DESIGN §6 asks: fraction solved, median env steps
 * to the target (unsolved = +∞) and IQM of the final mean-100 return, each with its 95%
 * percentile-bootstrap interval. +∞ is written as null in JSON.
 */
record SeedReport(int runs, int solved, double medianStepsToTarget, Bootstrap.Interval medianStepsCi,
        double iqmFinalReturn, Bootstrap.Interval iqmFinalReturnCi, long slowestSeed,
        double slowestSteps) {

    static SeedReport of(List<TrainingRun.Outcome> outcomes) {
        int n = outcomes.size();
        double[] steps = new double[n];
        double[] finals = new double[n];
        int solved = 0;
        long slowestSeed = -1;
        double slowest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            TrainingRun.Outcome o = outcomes.get(i);
            steps[i] = SeedStatistics.stepsToTarget(o.result().solved(), o.result().envSteps());
            // a run stopped before its first episode ended has no return yet: count it as 0
            double last = o.result().meanReturnLast100();
            finals[i] = Double.isNaN(last) ? 0 : last;
            solved += o.result().solved() ? 1 : 0;
            if (steps[i] > slowest) {
                slowest = steps[i];
                slowestSeed = o.result().hp().seed();
            }
        }
        return new SeedReport(n, solved, SeedStatistics.median(steps),
                Bootstrap.ci95(steps, SeedStatistics::median), SeedStatistics.iqm(finals),
                Bootstrap.ci95(finals, SeedStatistics::iqm), slowestSeed, slowest);
    }

    double solvedFraction() {
        return (double) solved / runs;
    }

    /** A number, or null for +∞ (an unsolved majority) and NaN. */
    static JsonElement finiteOrNull(double v, int digits) {
        if (!Double.isFinite(v)) {
            return JsonNull.INSTANCE;
        }
        return digits == 0 ? new JsonPrimitive(Math.round(v)) : new JsonPrimitive(TrainCommand.round(v, digits));
    }

    static JsonArray interval(Bootstrap.Interval ci, int digits) {
        JsonArray a = new JsonArray();
        a.add(finiteOrNull(ci.low(), digits));
        a.add(finiteOrNull(ci.high(), digits));
        return a;
    }
}
