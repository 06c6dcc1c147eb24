package org.a2clab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The seeds-needed extrapolation: half-width·√(n_eff/n') < 0.1, solved for n' by hand. */
class SeedsNeededTest {
    @Test
    void equalGroupsScaleTheHalfWidthBySqrtNOverNPrime() {
        // ±0.15 from 10 + 10 seeds: n' > 10·(0.15/0.1)² = 22.5 → 23 (0.15·√(10/23) = 0.0989, at 22: 0.1011)
        assertEquals(OptionalInt.of(23), SeedsNeeded.forInterval(new Bootstrap.Interval(0.35, 0.65), 10, 10));
        // already ±0.05 from 10 seeds: 10·0.25 = 2.5 → 3
        assertEquals(OptionalInt.of(3), SeedsNeeded.forInterval(new Bootstrap.Interval(0.6, 0.7), 10, 10));
    }

    @Test
    void theSqrtScalingMatchesTheBootstrapOfLargerGroupsFromTheSameRuns() {
        double[] a = {82, 95, 77, 130, 88, 101, 79, 160, 92, 85};
        double[] b = {120, 97, 140, 105, 180, 99, 115, 131, 90, 150};
        Bootstrap.Interval now = ProbabilityOfImprovement.withCi95(a, b, ProbabilityOfImprovement.Better.LOWER).ci95();
        // four copies of each run: a bootstrap draw of 40 from the same empirical distribution
        double[] a4 = new double[40];
        double[] b4 = new double[40];
        for (int i = 0; i < 40; i++) {
            a4[i] = a[i % 10];
            b4[i] = b[i % 10];
        }
        Bootstrap.Interval at40 = ProbabilityOfImprovement.withCi95(a4, b4, ProbabilityOfImprovement.Better.LOWER).ci95();
        double predicted = (now.high() - now.low()) / 2 * Math.sqrt(10.0 / 40);
        double measured = (at40.high() - at40.low()) / 2;
        assertEquals(measured, predicted, 0.15 * measured, "predicted ±" + predicted + ", measured ±" + measured);
    }

    @Test
    void unequalGroupsUseTheHarmonicMean() {
        // 5 and 20 seeds: n_eff = 2/(1/5 + 1/20) = 8; ±0.27: 8·2.7² = 58.32 → 59
        assertEquals(OptionalInt.of(59), SeedsNeeded.forInterval(new Bootstrap.Interval(0.2, 0.74), 5, 20));
    }

    @Test
    void oneRunHasNoSpreadToScaleAndAPointIntervalGivesTheMinimum() {
        assertTrue(SeedsNeeded.forInterval(new Bootstrap.Interval(1, 1), 1, 1).isEmpty());
        assertTrue(SeedsNeeded.forInterval(new Bootstrap.Interval(0.2, 0.9), 1, 10).isEmpty());
        assertEquals(OptionalInt.of(2), SeedsNeeded.forInterval(new Bootstrap.Interval(1, 1), 6, 6));
    }
}
