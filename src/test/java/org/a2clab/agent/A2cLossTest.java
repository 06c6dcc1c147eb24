package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The A2C loss on hand-computed cases and its gradient against finite differences. */
class A2cLossTest {

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /** All weights zero: π = (½, ½) everywhere and V(s) = critic bias = 1. */
    @Test
    void lossOnATinyHandComputedCase() {
        try (ActorCritic net = new ActorCritic(4, 0, Device.cpu())) {
            List<NDArray> params = net.parameterArrays();
            for (NDArray p : params) {
                p.set(new float[(int) p.size()]);
            }
            params.get(7).set(new float[] {1f}); // critic bias
            net.parametersChanged();
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            float[] obs = {0.1f, 0.2f, 0.3f, 0.4f, -0.1f, -0.2f, -0.3f, -0.4f};
            LossTerms loss = update.lossAndGradients(new RolloutBatch(obs, new float[] {0, 1}, new float[] {2, 0},
                    new float[] {1, -1}, 2), new LossWeights(0.5, 0.01));
            // policy: −(1·ln½ + (−1)·ln½)/2 = 0; value: ((2−1)² + (0−1)²)/2 = 1; entropy: ln 2
            assertEquals(0.0, loss.policyLoss(), 1e-7);
            assertEquals(1.0, loss.valueLoss(), 1e-6);
            assertEquals(Math.log(2), loss.entropy(), 1e-6);
            assertEquals(0.5 * 1.0 - 0.01 * Math.log(2), loss.totalLoss(), 1e-6);
            // dL/d(critic bias) = c · mean(2(V − R)) = 0.5 · ((2·(1−2) + 2·(1−0))/2) = 0
            assertEquals(0.0, update.gradients()[7][0], 1e-6);
        }
    }

    @Test
    void lossMatchesAJavaOracleOnRandomData() {
        try (ActorCritic net = new ActorCritic(16, 3, Device.cpu())) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            Batch b = Batch.random(12, new SplittableRandom(5));
            LossTerms loss = update.lossAndGradients(b.batch(), new LossWeights(0.7f, 0.05f));
            PolicyBatch pi = net.evaluate(b.obs, b.size);
            double pl = 0;
            double vl = 0;
            double h = 0;
            for (int i = 0; i < b.size; i++) {
                pl -= b.advantages[i] * Math.log(pi.actor()[2 * i + (int) b.actions[i]]);
                vl += Math.pow(b.returns[i] - pi.values()[i], 2);
                h += pi.entropy(i);
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

    /** Central differences of the loss against the autograd gradient, on sampled coordinates. */
    @Test
    void gradientMatchesFiniteDifferences() {
        try (ActorCritic net = new ActorCritic(8, 11, Device.cpu())) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-3f);
            Batch b = Batch.random(10, new SplittableRandom(9));
            update.lossAndGradients(b.batch(), new LossWeights(0.5f, 0.05f));
            float[][] analytic = update.gradients();
            List<NDArray> params = net.parameterArrays();
            SplittableRandom pick = new SplittableRandom(1);
            double h = 1e-2;
            int checked = 0;
            for (int p = 0; p < params.size(); p++) {
                for (int k = 0; k < 4; k++) {
                    int idx = pick.nextInt((int) params.get(p).size());
                    float[] original = params.get(p).toFloatArray();
                    double plus = lossWith(net, update, b, p, idx, original, +h);
                    double minus = lossWith(net, update, b, p, idx, original, -h);
                    params.get(p).set(original);
                    net.parametersChanged();
                    double numeric = (plus - minus) / (2 * h);
                    assertEquals(numeric, analytic[p][idx], 2e-3 + 2e-2 * Math.abs(numeric),
                            "param " + p + "[" + idx + "]");
                    checked++;
                }
            }
            assertEquals(32, checked);
            assertFalse(Arrays.stream(analytic).allMatch(g -> Arrays.equals(g, new float[g.length])));
        }
    }

    private static double lossWith(ActorCritic net, A2cUpdate update, Batch b, int p, int idx,
            float[] original, double delta) {
        float[] changed = original.clone();
        changed[idx] += (float) delta;
        net.parameterArrays().get(p).set(changed);
        net.parametersChanged();
        return update.lossAndGradients(b.batch(), new LossWeights(0.5f, 0.05f))
                .totalLoss();
    }

    /**
     * The step applied is RMSprop's first step on the gradient scaled to the clip norm, computed
     * here by hand from the unclipped gradient: w − lr·ĝ/(√((1−α)·ĝ²) + ε), ĝ = g·c/‖g‖. RMSprop
     * is nearly scale-invariant, so the ε term is what tells clipped from unclipped: a step
     * without the clip lands elsewhere, which the last assertion checks.
     */
    @Test
    void theAppliedStepIsTheStepOfTheClippedGradient() {
        float lr = 1e-2f;
        float clip = 0.5f;
        Batch b = Batch.random(10, new SplittableRandom(4));
        for (int i = 0; i < b.size; i++) {
            b.returns[i] *= 100; // large errors: a gradient far above the clip
        }
        float[][] before;
        float[][] grads;
        double norm;
        float[][] clipped;
        try (ActorCritic net = new ActorCritic(8, 2, Device.cpu())) {
            before = net.copyParameters();
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.RMSPROP, lr);
            norm = update.lossAndGradients(b.batch(), new LossWeights(0.5f, 0f)).gradNorm();
            grads = update.gradients();
            LossTerms loss = update.step(b.batch(), new LossWeights(0.5f, 0f), clip);
            assertEquals(norm, loss.gradNorm(), 1e-9 * norm, "the norm before clipping is reported");
            clipped = net.copyParameters();
        }
        assertTrue(norm > 100 * clip, "the gradient is far above the clip: " + norm);
        double scale = clip / (norm + 1e-6);
        double sumSquares = 0;
        for (int i = 0; i < grads.length; i++) {
            for (int k = 0; k < grads[i].length; k++) {
                double g = grads[i][k] * scale;
                sumSquares += g * g;
                double expected = before[i][k] - lr * g / (Math.sqrt(0.01 * g * g) + 1e-5);
                assertEquals(expected, clipped[i][k], 1e-6 + 1e-5 * Math.abs(expected),
                        "parameter " + i + "[" + k + "]");
            }
        }
        assertEquals(clip, Math.sqrt(sumSquares), 1e-4, "the clipped gradient has the clip's norm");

        try (ActorCritic net = new ActorCritic(8, 2, Device.cpu())) {
            new A2cUpdate(net, OptimizerKind.RMSPROP, lr).step(b.batch(), new LossWeights(0.5f, 0f), 1e9f);
            float[][] unclipped = net.copyParameters();
            double largest = 0;
            for (int i = 0; i < grads.length; i++) {
                for (int k = 0; k < grads[i].length; k++) {
                    largest = Math.max(largest, Math.abs(unclipped[i][k] - clipped[i][k]));
                }
            }
            assertTrue(largest > 1e-4, "an unclipped step differs measurably: " + largest);
        }
    }

    @Test
    void nonFiniteLossLeavesParametersUntouched() {
        try (ActorCritic net = new ActorCritic(8, 2, Device.cpu())) {
            A2cUpdate update = new A2cUpdate(net, OptimizerKind.ADAM, 1e-2f);
            Batch b = Batch.random(6, new SplittableRandom(4));
            b.returns[3] = Float.NaN;
            float[] before = net.parameterArrays().get(0).toFloatArray();
            LossTerms loss = update.step(b.batch(), new LossWeights(0.5f, 0f), 0.5f);
            assertFalse(loss.isFinite());
            assertTrue(Arrays.equals(before, net.parameterArrays().get(0).toFloatArray()));
        }
    }

    /** A random rollout batch. */
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
                b.actions[i] = r.nextInt(2);
                b.returns[i] = (float) (r.nextDouble() * 4);
                b.advantages[i] = (float) (r.nextDouble() * 2 - 1);
            }
            return b;
        }
    }
}
