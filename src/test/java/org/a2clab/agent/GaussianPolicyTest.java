package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Gaussian log-density, entropy, clamp and P(a > 0) against hand-computed values. */
class GaussianPolicyTest {

    @Test
    void logDensityMatchesHandValues() {
        // N(0, 1) at 0.5: −½ ln 2π − 0.125
        assertEquals(-0.9189385332 - 0.125, GaussianPolicy.logProb(0.5, 0, 0), 1e-9);
        // N(0.5, 0.5²) at 1: z = 1, −ln 0.5 − ½ ln 2π − ½
        assertEquals(0.6931471806 - 0.9189385332 - 0.5, GaussianPolicy.logProb(1, 0.5, Math.log(0.5)), 1e-9);
        // the density integrates to 1 (midpoint rule over ±10σ)
        double sum = 0;
        double dx = 1e-3;
        for (double a = -3 - 10 * 0.3; a < -3 + 10 * 0.3; a += dx) {
            sum += Math.exp(GaussianPolicy.logProb(a + dx / 2, -3, Math.log(0.3))) * dx;
        }
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void entropyIsHalfLogTwoPiEPlusLogSigma() {
        assertEquals(1.4189385332, GaussianPolicy.entropy(0), 1e-9);
        assertEquals(1.4189385332 + Math.log(2), GaussianPolicy.entropy(Math.log(2)), 1e-9);
        // −E[log π] by Monte-Carlo-free quadrature equals the closed form
        double logStd = Math.log(0.7);
        double h = 0;
        double dx = 1e-3;
        for (double a = -7; a < 7; a += dx) {
            double lp = GaussianPolicy.logProb(a + dx / 2, 0.1, logStd);
            h -= Math.exp(lp) * lp * dx;
        }
        assertEquals(GaussianPolicy.entropy(logStd), h, 1e-6);
    }

    @Test
    void logStdIsClampedAndTheClampPassesGradientOnlyInside() {
        assertEquals(GaussianPolicy.LOG_STD_MAX, GaussianPolicy.clampLogStd(7), 0);
        assertEquals(GaussianPolicy.LOG_STD_MIN, GaussianPolicy.clampLogStd(-9), 0);
        assertEquals(-1.25, GaussianPolicy.clampLogStd(-1.25), 0);
        assertTrue(GaussianPolicy.clampPassesGradient(GaussianPolicy.LOG_STD_MAX));
        assertTrue(GaussianPolicy.clampPassesGradient(0));
        assertFalse(GaussianPolicy.clampPassesGradient(GaussianPolicy.LOG_STD_MAX + 1e-6));
        assertFalse(GaussianPolicy.clampPassesGradient(GaussianPolicy.LOG_STD_MIN - 1e-6));
    }

    @Test
    void probabilityOfPushingRightIsPhiOfMuOverSigma() {
        assertEquals(0.5, GaussianPolicy.probPositive(0, 1), 1e-7);
        assertEquals(0.8413447461, GaussianPolicy.probPositive(1, 1), 1e-7);
        assertEquals(0.0227501319, GaussianPolicy.probPositive(-1, 0.5), 1e-7);
        assertEquals(1.0, GaussianPolicy.probPositive(3, 0.01), 1e-7);
    }

    @Test
    void aGaussianActionRecordsForceAndLogDensity() {
        GaussianAction inside = GaussianAction.of(0.2f, 0.5f, 0.45);
        assertEquals(4.5, inside.force(), 1e-12);
        assertFalse(inside.clipped());
        assertEquals(GaussianPolicy.logProb(0.45, 0.2f, Math.log(0.5f)), inside.logProb(), 0);
        GaussianAction outside = GaussianAction.of(0.9f, 0.5f, -1.7);
        assertEquals(-10.0, outside.force(), 0);
        assertTrue(outside.clipped());
        // log π is taken at the unclipped a
        assertEquals(GaussianPolicy.logProb(-1.7, 0.9f, Math.log(0.5f)), outside.logProb(), 0);
    }
}
