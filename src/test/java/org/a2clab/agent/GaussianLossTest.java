package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Gaussian actor-critic: its forward pass, its loss on hand values and its gradient. */
class GaussianLossTest {
    /** Parameter indices of a Gaussian network (ActorCritic.parameterArrays order). */
    static final int MU_WEIGHT = 4;
    static final int MU_BIAS = 5;
    static final int LOG_STD_WEIGHT = 6;
    static final int LOG_STD_BIAS = 7;
    static final int CRITIC_BIAS = 9;
    static final int PARAMETERS = 10;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    static ActorCritic gaussian(int hidden, long seed, double initialLogStd) {
        return new ActorCritic(PolicyKind.GAUSSIAN, hidden, seed, Device.cpu(), initialLogStd);
    }

    @Test
    void fiveLayersInStateDictOrderAndTheInitialLogStdBias() {
        try (ActorCritic net = gaussian(16, 3, -0.5)) {
            assertEquals(PolicyKind.GAUSSIAN, net.policy());
            List<NDArray> p = net.parameterArrays();
            assertEquals(PARAMETERS, p.size());
            assertEquals(new Shape(1, 16), p.get(MU_WEIGHT).getShape());
            assertEquals(new Shape(1), p.get(MU_BIAS).getShape());
            assertEquals(new Shape(1, 16), p.get(LOG_STD_WEIGHT).getShape());
            assertEquals(new Shape(1), p.get(LOG_STD_BIAS).getShape());
            assertEquals(new Shape(1, 16), p.get(8).getShape());
            assertEquals(-0.5f, p.get(LOG_STD_BIAS).toFloatArray()[0]);
        }
        // the categorical network of a seed is unchanged by the new kind
        try (ActorCritic a = new ActorCritic(16, 3, Device.cpu());
                ActorCritic b = new ActorCritic(PolicyKind.CATEGORICAL, 16, 3, Device.cpu(), 1.5)) {
            for (int i = 0; i < 8; i++) {
                assertArrayEquals(a.parameterArrays().get(i).toFloatArray(), b.parameterArrays().get(i).toFloatArray());
            }
        }
    }

    @Test
    void evaluateGivesMuAndClampedSigmaAsTheBlocksForwardDoes() {
        try (ActorCritic net = gaussian(32, 4, 0.3)) {
            float[] obs = new float[20 * 4];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) r.nextGaussian();
            }
            PolicyBatch fast = net.evaluate(obs, 20);
            assertEquals(PolicyKind.GAUSSIAN, fast.kind());
            try (NDManager m = net.manager().newSubManager()) {
                NDList blocks = net.forwardBlocks(m.create(obs, new Shape(20, 4)));
                float[] mu = blocks.get(0).toFloatArray();
                float[] logStd = blocks.get(1).toFloatArray();
                float[] v = blocks.get(2).toFloatArray();
                float[] heads = net.heads(m.create(obs, new Shape(20, 4))).toFloatArray();
                for (int i = 0; i < 20; i++) {
                    assertEquals(mu[i], fast.mean(i), 1e-6f);
                    assertEquals(Math.exp(GaussianPolicy.clampLogStd(logStd[i])), fast.std(i), 1e-6);
                    assertEquals(v[i], fast.values()[i], 1e-6f);
                    assertEquals(mu[i], heads[3 * i + ActorCritic.MEAN_OUTPUT], 1e-6f);
                    assertEquals(logStd[i], heads[3 * i + ActorCritic.LOG_STD_OUTPUT], 1e-6f);
                    assertEquals(v[i], heads[3 * i + ActorCritic.VALUE_OUTPUT], 1e-6f);
                    assertEquals(GaussianPolicy.entropy(Math.log(fast.std(i))), fast.entropy(i), 1e-9);
                    assertEquals(GaussianPolicy.probPositive(fast.mean(i), fast.std(i)), fast.probRight(i), 1e-6);
                }
            }
            PolicyBatch categorical = new PolicyBatch(new float[] {0.5f, 0.5f}, new float[] {0});
            assertThrows(IllegalStateException.class, () -> categorical.mean(0));
        }
    }

    /** All weights zero: μ = 0, σ = 0.5 (bias ln 0.5) and V = 1 (critic bias) everywhere. */
    @Test
    void lossAndHeadGradientsOnAHandComputedCase() {
        try (ActorCritic net = gaussian(4, 0, 0)) {
            List<NDArray> params = net.parameterArrays();
            for (NDArray p : params) {
                p.set(new float[(int) p.size()]);
            }
            params.get(LOG_STD_BIAS).set(new float[] {(float) Math.log(0.5)});
            params.get(CRITIC_BIAS).set(new float[] {1f});
            net.parametersChanged();
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            float[] obs = {0.1f, 0.2f, 0.3f, 0.4f, -0.1f, -0.2f, -0.3f, -0.4f};
            double beta = 0.01;
            LossTerms loss = update.lossAndGradients(new RolloutBatch(obs, new float[] {0.5f, -1f},
                    new float[] {2, 0}, new float[] {1, -1}, 2), new LossWeights(0.5, beta));
            // log π(0.5) = ln 2 − ½ ln 2π − ½ (z = 1); log π(−1) = ln 2 − ½ ln 2π − 2 (z = −2)
            double lp1 = Math.log(2) - GaussianPolicy.HALF_LOG_2PI - 0.5;
            double lp2 = Math.log(2) - GaussianPolicy.HALF_LOG_2PI - 2;
            assertEquals(-(1 * lp1 + (-1) * lp2) / 2, loss.policyLoss(), 1e-6);
            assertEquals(-0.75, loss.policyLoss(), 1e-6);
            assertEquals(1.0, loss.valueLoss(), 1e-6);
            assertEquals(GaussianPolicy.HALF_LOG_2PI_E - Math.log(2), loss.entropy(), 1e-6);
            assertEquals(-0.75 + 0.5 * 1.0 - beta * loss.entropy(), loss.totalLoss(), 1e-6);
            float[][] g = update.gradients();
            // ∂L/∂μ = −mean(A·(a − μ)/σ²) = −(1·0.5/0.25 + (−1)(−1)/0.25)/2 = −3
            assertEquals(-3.0, g[MU_BIAS][0], 1e-5);
            // ∂L/∂log σ = mean(−A·(z² − 1) − β) = ((−1)(0) − β + (1)(3) − β)/2
            assertEquals((3 - 2 * beta) / 2, g[LOG_STD_BIAS][0], 1e-5);
            // ∂L/∂V = c·mean(2(V − R)) = 0.5·(2(1 − 2) + 2(1 − 0))/2 = 0
            assertEquals(0.0, g[CRITIC_BIAS][0], 1e-6);
        }
    }

    @Test
    void lossMatchesAJavaOracleOnRandomData() {
        try (ActorCritic net = gaussian(16, 3, -0.7)) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            Batch b = Batch.random(12, new SplittableRandom(5));
            LossTerms loss = update.lossAndGradients(b.batch(), new LossWeights(0.7f, 0.05f));
            PolicyBatch pi = net.evaluate(b.obs, b.size);
            double pl = 0;
            double vl = 0;
            double h = 0;
            for (int i = 0; i < b.size; i++) {
                double logStd = Math.log(pi.std(i));
                double z = (b.actions[i] - pi.mean(i)) / pi.std(i);
                pl -= b.advantages[i] * (-logStd - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z);
                vl += Math.pow(b.returns[i] - pi.values()[i], 2);
                h += 0.5 * Math.log(2 * Math.PI * Math.E) + logStd;
            }
            pl /= b.size;
            vl /= b.size;
            h /= b.size;
            assertEquals(pl, loss.policyLoss(), 1e-5);
            assertEquals(vl, loss.valueLoss(), 1e-4);
            assertEquals(h, loss.entropy(), 1e-5);
            assertEquals(pl + 0.7 * vl - 0.05 * h, loss.totalLoss(), 1e-4);
        }
    }

    /** Central differences of the loss against the hand-derived head gradient, back-propagated. */
    @Test
    void gradientMatchesFiniteDifferences() {
        try (ActorCritic net = gaussian(8, 11, -0.3)) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            Batch b = Batch.random(10, new SplittableRandom(9));
            LossWeights w = new LossWeights(0.5f, 0.05f);
            update.lossAndGradients(b.batch(), w);
            float[][] analytic = update.gradients();
            List<NDArray> params = net.parameterArrays();
            SplittableRandom pick = new SplittableRandom(1);
            int perParameter = 4;
            int checked = 0;
            for (int p = 0; p < params.size(); p++) {
                for (int k = 0; k < perParameter; k++) {
                    int idx = pick.nextInt((int) params.get(p).size());
                    double numeric = numericGradient(net, update, b, w, p, idx);
                    assertEquals(numeric, analytic[p][idx], 2e-3 + 2e-2 * Math.abs(numeric),
                            "param " + p + "[" + idx + "]");
                    checked++;
                }
            }
            assertEquals(PARAMETERS * perParameter, checked);
            assertTrue(Math.abs(analytic[LOG_STD_BIAS][0]) > 1e-3, "log σ gets a gradient inside the clamp range");
            assertTrue(Math.abs(analytic[MU_BIAS][0]) > 1e-3, "μ gets a gradient");
        }
    }

    /**
     * Outside [LOG_STD_MIN, LOG_STD_MAX] log σ is a constant: actor_log_std gets no gradient (also
     * from the entropy bonus), and nudging it does not change the loss.
     */
    @Test
    void theClampStopsTheLogStdGradientOutsideItsRange() {
        double[] outside = {GaussianPolicy.LOG_STD_MAX + 1, GaussianPolicy.LOG_STD_MIN - 1};
        for (double bias : outside) {
            try (ActorCritic net = gaussian(8, 2, 0)) {
                List<NDArray> params = net.parameterArrays();
                // a zero weight row makes the raw log σ equal the bias for every observation
                params.get(LOG_STD_WEIGHT).set(new float[8]);
                params.get(LOG_STD_BIAS).set(new float[] {(float) bias});
                net.parametersChanged();
                A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
                Batch b = Batch.random(10, new SplittableRandom(6));
                LossWeights w = new LossWeights(0.5f, 0.05f);
                LossTerms loss = update.lossAndGradients(b.batch(), w);
                float[][] g = update.gradients();
                assertArrayEquals(new float[8], g[LOG_STD_WEIGHT], "bias " + bias);
                assertArrayEquals(new float[1], g[LOG_STD_BIAS], "bias " + bias);
                assertEquals(0.0, numericGradient(net, update, b, w, LOG_STD_BIAS, 0), 1e-6);
                assertTrue(Math.abs(g[MU_BIAS][0]) > 0, "μ still learns");
                assertEquals(GaussianPolicy.HALF_LOG_2PI_E + GaussianPolicy.clampLogStd(bias), loss.entropy(), 1e-6);
            }
        }
    }

    @Test
    void realActionsAreRefusedByACategoricalNetwork() {
        try (ActorCritic categorical = new ActorCritic(4, 1, Device.cpu())) {
            Batch b = Batch.random(2, new SplittableRandom(1));
            b.actions[0] = 0.5f;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new A2cUpdate(categorical, OptimizerKind.ADAM, 1e-3f)
                            .lossAndGradients(b.batch(), new LossWeights(0.5, 0)));
            assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        }
    }

    private static double numericGradient(ActorCritic net, A2cUpdate update, Batch b, LossWeights w, int p, int idx) {
        double h = 1e-2;
        NDArray param = net.parameterArrays().get(p);
        float[] original = param.toFloatArray();
        double plus = lossWith(net, update, b, w, p, idx, original, +h);
        double minus = lossWith(net, update, b, w, p, idx, original, -h);
        param.set(original);
        net.parametersChanged();
        return (plus - minus) / (2 * h);
    }

    private static double lossWith(ActorCritic net, A2cUpdate update, Batch b, LossWeights w, int p, int idx,
            float[] original, double delta) {
        float[] changed = original.clone();
        changed[idx] += (float) delta;
        net.parameterArrays().get(p).set(changed);
        net.parametersChanged();
        return update.lossAndGradients(b.batch(), w).totalLoss();
    }

    /** A random Gaussian rollout batch; some actions beyond the clip range ±1. */
    static final class Batch {
        final int size;
        final float[] obs;
        final float[] actions;
        final float[] returns;
        final float[] advantages;

        private Batch(int size) {
            this.size = size;
            obs = new float[size * 4];
            actions = new float[size];
            returns = new float[size];
            advantages = new float[size];
        }

        RolloutBatch batch() {
            return new RolloutBatch(obs, actions, returns, advantages, size);
        }

        static Batch random(int size, SplittableRandom r) {
            Batch b = new Batch(size);
            for (int i = 0; i < size * 4; i++) {
                b.obs[i] = (float) (r.nextDouble() * 2 - 1);
            }
            for (int i = 0; i < size; i++) {
                b.actions[i] = (float) (r.nextDouble() * 3 - 1.5);
                b.returns[i] = (float) (r.nextDouble() * 4);
                b.advantages[i] = (float) (r.nextDouble() * 2 - 1);
            }
            return b;
        }
    }

    @Test
    void noGradientIsAllZero() {
        try (ActorCritic net = gaussian(8, 5, 0)) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            update.lossAndGradients(Batch.random(6, new SplittableRandom(2)).batch(), new LossWeights(0.5, 0));
            assertFalse(Arrays.stream(update.gradients()).allMatch(g -> Arrays.equals(g, new float[g.length])));
        }
    }
}
