package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two action distributions, each the one place its kind's maths lives. */
class ActionDistributionTest {
    private static final ActionDistribution CATEGORICAL = PolicyKind.CATEGORICAL.distribution();
    private static final ActionDistribution GAUSSIAN = PolicyKind.GAUSSIAN.distribution();

    @Test
    void eachKindChoosesItsOwnDistribution() {
        for (PolicyKind k : PolicyKind.values()) {
            assertEquals(k, k.distribution().kind());
        }
    }

    /** One entropy: a batch row and a recorded step of the same π agree, and NaN stays NaN in both. */
    @Test
    void aBatchRowAndARecordedStepHaveTheSameEntropy() {
        PolicyBatch batch = new PolicyBatch(new float[] {0.25f, 0.75f, Float.NaN, Float.NaN}, new float[] {0, 0});
        assertEquals(CATEGORICAL.entropy(0.25f, 0.75f, null), batch.entropy(0), 0);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), batch.entropy(0), 1e-12);
        // a diverged row has no entropy: never a certain-looking 0
        assertTrue(Double.isNaN(batch.entropy(1)));

        GaussianAction step = GaussianAction.of(0.3f, 0.5f, 0.1);
        PolicyBatch gaussian = new PolicyBatch(PolicyKind.GAUSSIAN, new float[] {0.3f, 0.5f}, new float[] {0});
        assertEquals(GAUSSIAN.entropy(0f, 0f, step), gaussian.entropy(0), 0);
        assertEquals(GaussianPolicy.HALF_LOG_2PI_E + Math.log(0.5f), gaussian.entropy(0), 1e-12);
    }

    @Test
    void samplingTakesOneDrawPerActionAsTrainingAlwaysHas() {
        float[] probs = {0.4f, 0.6f};
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(b.nextDouble() < 0.6f ? 1f : 0f, CATEGORICAL.sample(probs, 0, a));
        }
        float[] muSigma = {0.2f, 0.5f};
        for (int i = 0; i < 100; i++) {
            assertEquals((float) (0.2f + 0.5f * b.nextGaussian()), GAUSSIAN.sample(muSigma, 0, a));
        }
    }

    @Test
    void greedyIsTheArgmaxOrTheMean() {
        assertEquals(1f, CATEGORICAL.greedy(new float[] {0.4f, 0.6f}, 0));
        assertEquals(0f, CATEGORICAL.greedy(new float[] {0.5f, 0.5f}, 0), "a tie goes left");
        assertEquals(-0.7f, GAUSSIAN.greedy(new float[] {-0.7f, 0.1f}, 0));
    }

    @Test
    void aFrameRecordsProbabilitiesOrMuSigmaAndA() {
        assertNull(CATEGORICAL.details(new float[] {0.4f, 0.6f}, 0, 1));
        GaussianAction g = GAUSSIAN.details(new float[] {0.2f, 0.5f}, 0, 1.5f);
        assertEquals(GaussianAction.of(0.2f, 0.5f, 1.5f), g);
        assertEquals(1, GAUSSIAN.direction(1.5f));
        assertEquals(0, GAUSSIAN.direction(-0.1f));
        assertEquals(List.of("probs", "action"), List.copyOf(CATEGORICAL.frameJson(0.4f, 0.6f, 1, null).keySet()));
        assertEquals(List.of("mean", "std", "action", "force", "log_prob"),
                List.copyOf(GAUSSIAN.frameJson(0, 0, 1, g).keySet()));
        assertEquals(1.5, GAUSSIAN.recordedAction(1, g), 0);
        assertEquals(1.0, CATEGORICAL.recordedAction(1, null), 0);
    }

    /** The ONNX outputs are one per actor head, as wide as it: what the app's message and the graph say. */
    @Test
    void onnxOutputsMatchTheHeads() {
        for (PolicyKind k : PolicyKind.values()) {
            ActionDistribution d = k.distribution();
            assertEquals(d.actorHeadNames().size(), d.onnxOutputs().size(), k.label());
            assertEquals(d.onnxOutputs().size(), d.outputs(new float[] {0.5f, 0.5f}, 0).length, k.label());
            for (int i = 0; i < d.onnxOutputs().size(); i++) {
                assertEquals(d.actorHeadUnits()[i], d.outputs(new float[] {0.5f, 0.5f}, 0)[i].length, k.label());
            }
        }
    }

    @Test
    void aCategoricalBatchRefusesRealActions() {
        CATEGORICAL.checkActions(new float[] {0, 1, 1}, 3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CATEGORICAL.checkActions(new float[] {0, 0.5f}, 2));
        assertTrue(e.getMessage().contains("0.5"), e.getMessage());
        GAUSSIAN.checkActions(new float[] {0.5f, -3f}, 2);
    }

    /** What an update and a frame add for plots and files: μ(s) and σ(s) for Gaussian, nothing for categorical. */
    @Test
    void aGaussianUpdateAddsMuAndSigmaStatisticsAndAFrameItsMu() {
        assertEquals(List.of("action_mean", "action_std"), new ArrayList<>(GAUSSIAN.updateStatistics("m", "s").keySet()));
        assertEquals(List.of("m", "s"), new ArrayList<>(GAUSSIAN.updateStatistics("m", "s").values()));
        assertEquals(Map.of(), CATEGORICAL.updateStatistics("m", "s"));
        assertEquals(OptionalDouble.of(0.25f), GAUSSIAN.recordedMean(GaussianAction.of(0.25f, 0.5f, 0.1)));
        assertEquals(OptionalDouble.empty(), CATEGORICAL.recordedMean(null));
    }
}
