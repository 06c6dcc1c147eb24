package org.a2clab.stats;

import static org.a2clab.stats.ProbabilityOfImprovement.Better.HIGHER;
import static org.a2clab.stats.ProbabilityOfImprovement.Better.LOWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.stats.ProbabilityOfImprovement.Estimate;
import org.junit.jupiter.api.Test;

/** P(A better than B) against pair counts done by hand, and against rliable's own test case. */
class ProbabilityOfImprovementTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void rliablesPublishedExampleGivesOneThird() {
        // rliable tests/rliable/metrics_test.py: x = [[1,2],[2,2],[1,1],[2,1]], y = [[1,1],[2,2],[3,3]],
        // probability_of_improvement(x, y) = 1/3. Each task's column is x = {1,2,1,2}, y = {1,2,3}:
        // x=1 beats nothing and ties y=1 (½), twice; x=2 beats y=1 and ties y=2 (1.5), twice → 4/12
        assertEquals(1.0 / 3, ProbabilityOfImprovement.of(new double[] {1, 2, 1, 2}, new double[] {1, 2, 3}, HIGHER), 1e-12);
        assertEquals(1.0 / 3, ProbabilityOfImprovement.of(new double[] {2, 2, 1, 1}, new double[] {1, 2, 3}, HIGHER), 1e-12);
        // and its aggregate IQMs on those columns (trim_mean(·, 0.25)): 1.5 and 2
        assertEquals(1.5, SeedStatistics.iqm(new double[] {1, 2, 1, 2}), 1e-12);
        assertEquals(2, SeedStatistics.iqm(new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void tiesCountHalfAndTheTwoDirectionsAddUpToOne() {
        assertEquals(0.5, ProbabilityOfImprovement.of(new double[] {5}, new double[] {5}, HIGHER));
        // {1, 3} vs {2, 3}: (1,2) 0, (1,3) 0, (3,2) 1, (3,3) ½ → 1.5/4
        double[] a = {1, 3};
        double[] b = {2, 3};
        assertEquals(0.375, ProbabilityOfImprovement.of(a, b, HIGHER));
        assertEquals(0.625, ProbabilityOfImprovement.of(b, a, HIGHER));
        // fewer is better: the same pairs the other way round, ties unchanged
        assertEquals(0.625, ProbabilityOfImprovement.of(a, b, LOWER));
    }

    @Test
    void unsolvedRunsAreInfinitelySlowAndTwoUnsolvedTie() {
        // steps {100k, ∞} vs {∞, 200k}, fewer better: (100k,∞) 1, (100k,200k) 1, (∞,∞) ½, (∞,200k) 0 → 2.5/4
        assertEquals(0.625, ProbabilityOfImprovement.of(new double[] {100_000, INF}, new double[] {INF, 200_000}, LOWER));
        Estimate none = ProbabilityOfImprovement.withCi95(new double[] {INF, INF}, new double[] {INF, INF, INF}, LOWER);
        assertEquals(new Estimate(0.5, new Bootstrap.Interval(0.5, 0.5)), none);
    }

    @Test
    void oneRunAgainstOneRunHasAPointInterval() {
        Estimate e = ProbabilityOfImprovement.withCi95(new double[] {3}, new double[] {1}, HIGHER);
        assertEquals(new Estimate(1, new Bootstrap.Interval(1, 1)), e);
        assertEquals(new Bootstrap.Interval(0, 0), ProbabilityOfImprovement.withCi95(new double[] {3}, new double[] {1}, LOWER).ci95());
    }

    @Test
    void intervalOfATwoRunGroupAgainstOneRun() {
        // {0, 1} vs {0}: a resample of A is {0,0} (p ½, prob ¼), mixed (p ¾, prob ½) or {1,1} (p 1, prob ¼);
        // both ends occur far more than 2.5% of 2000 times, so the interval is [½, 1] around ¾
        Estimate e = ProbabilityOfImprovement.withCi95(new double[] {0, 1}, new double[] {0}, HIGHER);
        assertEquals(new Estimate(0.75, new Bootstrap.Interval(0.5, 1)), e);
    }

    @Test
    void bothGroupsAreResampledIndependentlyWithTheFixedSeed() {
        double[] a = {90, 120, 80, 300, 110, 95};
        double[] b = {130, 100, 150, 140, 160};
        Estimate e = ProbabilityOfImprovement.withCi95(a, b, LOWER);
        assertEquals(e, ProbabilityOfImprovement.withCi95(a.clone(), b.clone(), LOWER), "same data, same interval");
        Bootstrap.Interval same = Bootstrap.interval(a, b, (x, y) -> ProbabilityOfImprovement.of(x, y, LOWER), 0.95,
                Bootstrap.RESAMPLES, Bootstrap.SEED);
        assertEquals(same, e.ci95(), "2000 resamples with the fixed seed");
        // fewer steps win: 90, 80 and 95 beat all 5 of B, 120 and 110 beat 4, 300 none → 23 of 30 pairs
        assertEquals(23.0 / 30, e.p(), 1e-12);
        assertTrue(e.ci95().low() < e.p() && e.p() < e.ci95().high(), e.toString());
        // resampling B alone would leave A's 300 out of every interval's reasoning: A's spread counts too
        Bootstrap.Interval onlyB = Bootstrap.ci95(b, y -> ProbabilityOfImprovement.of(a, y, LOWER));
        assertTrue(e.ci95().high() - e.ci95().low() > onlyB.high() - onlyB.low());
    }

    @Test
    void refusesEmptyAndNaN() {
        assertThrows(IllegalArgumentException.class, () -> ProbabilityOfImprovement.of(new double[0], new double[] {1}, HIGHER));
        assertThrows(IllegalArgumentException.class,
                () -> ProbabilityOfImprovement.withCi95(new double[] {1}, new double[] {Double.NaN}, HIGHER));
    }
}
