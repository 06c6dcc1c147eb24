package org.a2clab.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** GAE against hand-computed δ sums (cf. SB3's test_gae.py), and λ = 1 against n-step returns. */
class GaeTest {
    private static final float EPS = 1e-6f;
    // one rollout of n = 3 from env 0 and env 1, interleaved time-major: index t * 2 + e
    private static final float[] R = {1, 1, 2, 2, 3, 3};
    private static final float[] V = {0.5f, 0.5f, 1, 1, 2, 2};
    private static final float[] LAST = {4, 4};

    private static float[][] gae(boolean[] term, boolean[] trunc, float[] truncValues, double gamma,
            double lambda) {
        float[] g = new float[6];
        float[] a = new float[6];
        Gae.compute(R, V, term, trunc, truncValues, LAST, 3, 2, gamma, lambda, g, a);
        return new float[][] {g, a};
    }

    private static float[] env(float[] xs, int e) {
        return new float[] {xs[e], xs[2 + e], xs[4 + e]};
    }

    @Test
    void rolloutEndBootstrapsAndTerminationMidRolloutZeroesTheTail() {
        // env 0 runs on; env 1 terminates at t = 1.  γ = 0.5, λ = 0.5, γλ = 0.25.
        boolean[] term = {false, false, false, true, false, false};
        float[][] out = gae(term, new boolean[6], new float[6], 0.5, 0.5);
        // env 0: δ2 = 3 + 0.5·4 − 2 = 3, δ1 = 2 + 0.5·2 − 1 = 2, δ0 = 1 + 0.5·1 − 0.5 = 1
        //        A2 = 3, A1 = 2 + 0.25·3 = 2.75, A0 = 1 + 0.25·2.75 = 1.6875
        assertArrayEquals(new float[] {1.6875f, 2.75f, 3}, env(out[1], 0), EPS);
        assertArrayEquals(new float[] {2.1875f, 3.75f, 5}, env(out[0], 0), EPS);
        // env 1: δ1 = 2 − 1 = 1 (no future), A1 = 1; A0 = δ0 + 0.25·1 = 1.25; A2 = 3 (new episode)
        assertArrayEquals(new float[] {1.25f, 1, 3}, env(out[1], 1), EPS);
        assertArrayEquals(new float[] {1.75f, 2, 5}, env(out[0], 1), EPS);
    }

    @Test
    void truncationBootstrapsFromTheFinalObservationsValue() {
        // env 1 is truncated at t = 1 with V(final observation) = 6; its reset state's value is
        // V[4 + 1] = 2 and must not be used: δ1 = 2 + 0.5·6 − 1 = 4, A1 = 4, A0 = 1 + 0.25·4 = 2
        boolean[] trunc = {false, false, false, true, false, false};
        float[] truncValues = {0, 0, 0, 6, 0, 0};
        float[][] out = gae(new boolean[6], trunc, truncValues, 0.5, 0.5);
        assertArrayEquals(new float[] {2, 4, 3}, env(out[1], 1), EPS);
        assertArrayEquals(new float[] {1.6875f, 2.75f, 3}, env(out[1], 0), EPS);
    }

    @Test
    void otherLambdaAndGamma() {
        // γ = 0.9, λ = 0.8, γλ = 0.72: δ2 = 3 + 3.6 − 2 = 4.6, δ1 = 2 + 1.8 − 1 = 2.8,
        // δ0 = 1 + 0.9 − 0.5 = 1.4; A1 = 2.8 + 0.72·4.6 = 6.112, A0 = 1.4 + 0.72·6.112 = 5.80064
        float[][] out = gae(new boolean[6], new boolean[6], new float[6], 0.9, 0.8);
        assertArrayEquals(new float[] {5.80064f, 6.112f, 4.6f}, env(out[1], 0), 1e-5f);
        // λ = 0: the one-step TD errors δ_t
        float[][] td = gae(new boolean[6], new boolean[6], new float[6], 0.9, 0.0);
        assertArrayEquals(new float[] {1.4f, 2.8f, 4.6f}, env(td[1], 0), 1e-5f);
    }

    @Test
    void lambdaOneIsTheNStepReturnBitForBit() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            int nSteps = 1 + random.nextInt(12);
            int nEnvs = 1 + random.nextInt(5);
            int size = nSteps * nEnvs;
            float[] r = new float[size];
            float[] v = new float[size];
            boolean[] term = new boolean[size];
            boolean[] trunc = new boolean[size];
            float[] truncValues = new float[size];
            float[] last = new float[nEnvs];
            for (int i = 0; i < size; i++) {
                r[i] = random.nextInt(3) == 0 ? 0 : 1;
                v[i] = (float) (random.nextDouble() * 60 - 10);
                term[i] = random.nextInt(6) == 0;
                trunc[i] = !term[i] && random.nextInt(8) == 0;
                truncValues[i] = trunc[i] ? (float) (random.nextDouble() * 50) : 0;
            }
            for (int e = 0; e < nEnvs; e++) {
                last[e] = (float) (random.nextDouble() * 50);
            }
            double gamma = 0.8 + random.nextDouble() * 0.1999;
            float[] nRet = new float[size];
            float[] nAdv = new float[size];
            float[] gRet = new float[size];
            float[] gAdv = new float[size];
            NStepReturns.compute(r, v, term, trunc, truncValues, last, nSteps, nEnvs, gamma, nRet, nAdv);
            Gae.compute(r, v, term, trunc, truncValues, last, nSteps, nEnvs, gamma, 1.0, gRet, gAdv);
            for (int i = 0; i < size; i++) {
                assertEquals(Float.floatToRawIntBits(nRet[i]), Float.floatToRawIntBits(gRet[i]), "return " + i);
                assertEquals(Float.floatToRawIntBits(nAdv[i]), Float.floatToRawIntBits(gAdv[i]), "advantage " + i);
            }
        }
    }

    @Test
    void episodeLambdaReturnsLookNStepsAhead() {
        double[] r = {1, 1, 1};
        double[] v = {0.5, 1, 2};
        // n = 2, γ = 0.5, λ = 0.5. t = 0: δ0 = 1 + 0.5·1 − 0.5 = 1, δ1 = 1 + 0.5·2 − 1 = 1,
        // G0 = V0 + δ0 + 0.25·δ1 = 1.75. Truncated end, V(final) = 4: G2 = 1 + 0.5·4 = 3,
        // G1 = 1 + 0.5·(0.5·V2 + 0.5·G2) = 1 + 0.5·2.5 = 2.25
        assertArrayEquals(new double[] {1.75, 2.25, 3}, Gae.forEpisode(r, v, false, 4, 2, 0.5, 0.5), 1e-12);
        // terminated end: G2 = 1, G1 = 1 + 0.5·(0.5·2 + 0.5·1) = 1.75
        assertArrayEquals(new double[] {1.75, 1.75, 1}, Gae.forEpisode(r, v, true, 4, 2, 0.5, 0.5), 1e-12);
    }

    @Test
    void episodeLambdaOneIsTheNStepReturnBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        double[] r = new double[40];
        double[] v = new double[40];
        for (int t = 0; t < r.length; t++) {
            r[t] = 1;
            v[t] = random.nextDouble() * 30;
        }
        for (int n : new int[] {1, 5, 64}) {
            for (boolean terminated : new boolean[] {true, false}) {
                assertArrayEquals(NStepReturns.forEpisode(r, v, terminated, 12.5, n, 0.97),
                        Gae.forEpisode(r, v, terminated, 12.5, n, 0.97, 1.0));
            }
        }
    }
}
