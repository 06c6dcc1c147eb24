package org.a2clab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Medians and IQMs against values computed by hand (and by scipy.stats.trim_mean(x, 0.25)). */
class SeedStatisticsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, SeedStatistics.median(new double[] {5, 1, 3}));
        assertEquals(2.5, SeedStatistics.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void medianWithUnsolvedRunsAsInfinity() {
        // sorted 100, 200, ∞, ∞: middle pair 200 and ∞
        assertEquals(INF, SeedStatistics.median(new double[] {INF, 100, INF, 200}));
        assertEquals(200, SeedStatistics.median(new double[] {INF, 100, 200}));
        assertEquals(INF, SeedStatistics.median(new double[] {INF, INF}));
    }

    @Test
    void iqmDropsTheLowestAndHighestQuarter() {
        // n = 10: drop ⌊2.5⌋ = 2 each side, mean of 3..8 = 5.5 (trim_mean gives 5.5)
        assertEquals(5.5, SeedStatistics.iqm(new double[] {100, 1, 2, 3, 4, 5, 6, 7, 8, 9}), 1e-12);
        // n = 7: drop 1 each side, mean of 2..6 = 4
        assertEquals(4, SeedStatistics.iqm(new double[] {7, 6, 5, 4, 3, 2, 1}), 1e-12);
        // n = 3: ⌊0.75⌋ = 0, the plain mean
        assertEquals(10.0 / 3, SeedStatistics.iqm(new double[] {1, 2, 7}), 1e-12);
        // n = 4 with an unsolved run: drop 1 and ∞, mean of 2 and 3
        assertEquals(2.5, SeedStatistics.iqm(new double[] {INF, 3, 1, 2}), 1e-12);
    }

    @Test
    void stepsToTarget() {
        assertEquals(120_000, SeedStatistics.stepsToTarget(true, 120_000));
        assertEquals(INF, SeedStatistics.stepsToTarget(false, 400_000));
    }

    @Test
    void refusesEmptyOrNaN() {
        assertThrows(IllegalArgumentException.class, () -> SeedStatistics.median(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SeedStatistics.iqm(new double[] {1, Double.NaN}));
    }
}
