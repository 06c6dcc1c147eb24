package org.a2clab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The seeded percentile bootstrap against intervals that can be worked out by hand. */
class BootstrapTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void percentileInterpolatesLinearlyAsNumpy() {
        double[] s = {1, 2, 3, 4};
        // rank 0.025·3 = 0.075 → 1.075; rank 0.975·3 = 2.925 → 3.925
        assertEquals(1.075, Bootstrap.percentile(s, 2.5), 1e-12);
        assertEquals(3.925, Bootstrap.percentile(s, 97.5), 1e-12);
        assertEquals(INF, Bootstrap.percentile(new double[] {1, INF}, 50));
        assertEquals(INF, Bootstrap.percentile(new double[] {INF, INF}, 50));
    }

    @Test
    void constantDataGivesAPointInterval() {
        Bootstrap.Interval ci = Bootstrap.ci95(new double[] {7, 7, 7}, SeedStatistics::median);
        assertEquals(new Bootstrap.Interval(7, 7), ci);
    }

    @Test
    void medianOfTwoRunsSpansBothValues() {
        // resampling {0, 1} gives medians 0, 0.5, 1 with probability 1/4, 1/2, 1/4: among 2000
        // resamples both ends occur far more than 2.5% of the time
        Bootstrap.Interval ci = Bootstrap.ci95(new double[] {0, 1}, SeedStatistics::median);
        assertEquals(new Bootstrap.Interval(0, 1), ci);
    }

    @Test
    void unsolvedMajorityGivesAnInfiniteUpperEnd() {
        Bootstrap.Interval ci = Bootstrap.ci95(new double[] {100, INF, INF, INF, INF}, SeedStatistics::median);
        assertEquals(INF, ci.high());
        // a resample's median is finite (100) only if ≥ 3 of its 5 draws are 100:
        // P = 10·0.2³·0.8² + 5·0.2⁴·0.8 + 0.2⁵ ≈ 0.058 > 2.5%, so the low end is 100
        assertEquals(100, ci.low());
    }

    @Test
    void meanIntervalMatchesTheNormalApproximation() {
        double[] xs = new double[20];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i + 1;
        }
        // mean 10.5, σ = √((n²−1)/12) = 5.766, SE = σ/√20 = 1.289: 10.5 ± 1.96·1.289 = [7.97, 13.03]
        Bootstrap.Interval ci = Bootstrap.ci95(xs, BootstrapTest::mean);
        assertEquals(7.97, ci.low(), 0.35);
        assertEquals(13.03, ci.high(), 0.35);
    }

    @Test
    void sameSeedSameIntervalOtherSeedAnother() {
        double[] xs = {3, 9, 1, 14, 6, 2, 11};
        Bootstrap.Interval a = Bootstrap.interval(xs, SeedStatistics::iqm, 0.95, 2000, 1);
        assertEquals(a, Bootstrap.interval(xs, SeedStatistics::iqm, 0.95, 2000, 1));
        assertNotEquals(a, Bootstrap.interval(xs, SeedStatistics::iqm, 0.95, 2000, 2));
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }
}
