package org.a2clab.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** n-step returns against hand-computed oracles (cf. SB3's test_gae.py). */
class NStepReturnsTest {
    private static final float EPS = 1e-6f;

    /** One env, n = 3, no episode end: R_t = r_t + γ r_{t+1} + … + γ^{n−t} V(s_n). */
    @Test
    void rolloutEndBootstrapsFromTheLastValue() {
        float[] r = {1, 1, 1};
        float[] v = {0.5f, 0.25f, 0.75f};
        float[] returns = new float[3];
        float[] adv = new float[3];
        NStepReturns.compute(r, v, new boolean[3], new boolean[3], new float[3], new float[] {10},
                3, 1, 0.9, returns, adv);
        float r2 = 1 + 0.9f * 10;            // 10
        float r1 = 1 + 0.9f * r2;            // 10
        float r0 = 1 + 0.9f * r1;            // 10
        assertArrayEquals(new float[] {r0, r1, r2}, returns, EPS);
        assertArrayEquals(new float[] {r0 - 0.5f, r1 - 0.25f, r2 - 0.75f}, adv, EPS);
    }

    @Test
    void terminationMidRolloutZeroesTheTail() {
        // t=1 terminates: R_1 = r_1, R_0 = r_0 + γ R_1; t=2 starts a new episode and bootstraps.
        float[] r = {1, 2, 3};
        boolean[] term = {false, true, false};
        float[] returns = new float[3];
        float[] adv = new float[3];
        NStepReturns.compute(r, new float[3], term, new boolean[3], new float[3], new float[] {5},
                3, 1, 0.5, returns, adv);
        assertArrayEquals(new float[] {1 + 0.5f * 2, 2, 3 + 0.5f * 5}, returns, EPS);
        assertArrayEquals(returns, adv, EPS);
    }

    @Test
    void truncationBootstrapsFromTheFinalObservationsValue() {
        // t=0 hits the time limit: R_0 = r_0 + γ V(final obs) — not 0 and not V(reset obs).
        float[] r = {1, 1};
        boolean[] trunc = {true, false};
        float[] truncValues = {20, 0};
        float[] returns = new float[2];
        float[] adv = new float[2];
        NStepReturns.compute(r, new float[] {1, 1}, new boolean[2], trunc, truncValues,
                new float[] {4}, 2, 1, 0.99, returns, adv);
        assertEquals(1 + 0.99f * 20, returns[0], EPS);
        assertEquals(1 + 0.99f * 4, returns[1], EPS);
        assertEquals(returns[0] - 1, adv[0], EPS);
    }

    @Test
    void terminatedAndTruncatedOnTheSameStepCountsAsTermination() {
        float[] returns = new float[1];
        NStepReturns.compute(new float[] {1}, new float[1], new boolean[] {true},
                new boolean[] {true}, new float[] {50}, new float[] {7}, 1, 1, 0.9, returns,
                new float[1]);
        assertEquals(1, returns[0], EPS);
    }

    @Test
    void envsAreIndependentInTimeMajorLayout() {
        // 2 steps × 2 envs, index t*nEnvs+e; env 1 terminates at t=0.
        float[] r = {1, 2, 3, 4};
        boolean[] term = {false, true, false, false};
        float[] returns = new float[4];
        NStepReturns.compute(r, new float[4], term, new boolean[4], new float[4],
                new float[] {10, 100}, 2, 2, 0.5, returns, new float[4]);
        float e0t1 = 3 + 0.5f * 10;
        float e1t1 = 4 + 0.5f * 100;
        assertArrayEquals(new float[] {1 + 0.5f * e0t1, 2, e0t1, e1t1}, returns, EPS);
    }

    @Test
    void gammaAndNVaried() {
        for (double gamma : new double[] {0.0, 0.5, 0.99, 1.0}) {
            for (int n = 1; n <= 6; n++) {
                float[] r = new float[n];
                java.util.Arrays.fill(r, 1);
                float[] returns = new float[n];
                NStepReturns.compute(r, new float[n], new boolean[n], new boolean[n], new float[n],
                        new float[] {2}, n, 1, gamma, returns, new float[n]);
                for (int t = 0; t < n; t++) {
                    double oracle = 0;
                    for (int k = t; k < n; k++) {
                        oracle += Math.pow(gamma, k - t);
                    }
                    oracle += Math.pow(gamma, n - t) * 2;
                    assertEquals(oracle, returns[t], 1e-5, "γ=" + gamma + " n=" + n + " t=" + t);
                }
            }
        }
    }

    @Test
    void wholeEpisodeReturnsLookAtMostNStepsAhead() {
        double[] r = {1, 1, 1, 1};
        double[] v = {10, 20, 30, 40};
        double gamma = 0.5;
        // truncated episode of 4 steps, V(final obs) = 8, n = 2
        double[] out = NStepReturns.forEpisode(r, v, false, 8, 2, gamma);
        assertEquals(1 + 0.5 * 1 + 0.25 * 30, out[0], 1e-12);
        assertEquals(1 + 0.5 * 1 + 0.25 * 40, out[1], 1e-12);
        assertEquals(1 + 0.5 * 1 + 0.25 * 8, out[2], 1e-12);
        assertEquals(1 + 0.5 * 8, out[3], 1e-12);
        double[] terminated = NStepReturns.forEpisode(r, v, true, 8, 2, gamma);
        assertEquals(1, terminated[3], 1e-12);
        assertEquals(1.5, terminated[2], 1e-12);
    }
}
