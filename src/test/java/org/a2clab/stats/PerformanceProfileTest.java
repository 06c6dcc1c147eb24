package org.a2clab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Performance profiles: the fraction of runs at or above each τ, and its bootstrap band. */
class PerformanceProfileTest {
    @Test
    void fractionOfRunsAtOrAboveEachThreshold() {
        double[] tau = {0, 100, 101, 300, 301, 500};
        PerformanceProfile p = PerformanceProfile.of(new double[] {300, 500, 100}, tau);
        assertArrayEquals(new double[] {1, 1, 2.0 / 3, 2.0 / 3, 1.0 / 3, 1.0 / 3}, p.fraction(), 1e-12);
        for (int i = 0; i < tau.length; i++) {
            assertTrue(p.low()[i] <= p.fraction()[i] && p.fraction()[i] <= p.high()[i]);
        }
        // at τ = 0 every resample has every run ≥ 0: the band is the point 1
        assertEquals(1, p.low()[0]);
        assertEquals(1, p.high()[0]);
    }

    @Test
    void oneRunIsAStepWithABandEqualToIt() {
        double[] tau = PerformanceProfile.returnThresholds();
        assertEquals(501, tau.length);
        assertEquals(500, tau[500]);
        PerformanceProfile p = PerformanceProfile.of(new double[] {480}, tau);
        for (int i = 0; i < tau.length; i++) {
            double expected = i <= 480 ? 1 : 0;
            assertEquals(expected, p.fraction()[i], "τ " + i);
            assertEquals(expected, p.low()[i]);
            assertEquals(expected, p.high()[i]);
        }
    }

    @Test
    void theBandIsDeterministicAndSpansTheResamples() {
        double[] scores = {470, 480, 490, 500, 200, 350};
        double[] tau = PerformanceProfile.returnThresholds();
        PerformanceProfile a = PerformanceProfile.of(scores, tau);
        PerformanceProfile b = PerformanceProfile.of(scores.clone(), tau);
        assertArrayEquals(a.low(), b.low());
        assertArrayEquals(a.high(), b.high());
        // at τ = 475 three of six runs (480, 490, 500): ½, and a resample can hold anything from 0 to 6 of them
        assertEquals(0.5, a.fraction()[475], 1e-12);
        assertTrue(a.low()[475] < 0.5 && a.high()[475] > 0.5);
    }
}
