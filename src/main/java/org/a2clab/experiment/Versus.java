package org.a2clab.experiment;

import java.util.OptionalInt;
import org.a2clab.stats.ProbabilityOfImprovement;
import org.a2clab.stats.ProbabilityOfImprovement.Better;
import org.a2clab.stats.ProbabilityOfImprovement.Estimate;
import org.a2clab.stats.SeedsNeeded;

/**
 * Group A against group B: P(A reaches the target in fewer env steps) and P(A ends with a higher
 * mean-100 return), each with its 95% bootstrap interval, and the seeds per group that would
 * bring each interval under ±0.1 (empty when a group has a single run).
 */
public record Versus(Estimate faster, Estimate higherReturn, OptionalInt seedsFaster, OptionalInt seedsHigherReturn) {
    public static Versus of(RunScores a, RunScores b) {
        Estimate faster = ProbabilityOfImprovement.withCi95(a.stepsToTarget(), b.stepsToTarget(), Better.LOWER);
        Estimate higher = ProbabilityOfImprovement.withCi95(a.finalReturns(), b.finalReturns(), Better.HIGHER);
        return new Versus(faster, higher, SeedsNeeded.forInterval(faster.ci95(), a.runs(), b.runs()),
                SeedsNeeded.forInterval(higher.ci95(), a.runs(), b.runs()));
    }
}
