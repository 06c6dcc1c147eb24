package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
    final Hyperparameters d = Hyperparameters.DEFAULTS;

    /**
     * The Gaussian defaults the README reports over seeds (tuned on seeds 1–10, reported on
     * 1001–1010): the categorical defaults with α 0.002, β 0.01 and initial log σ 0.5, nothing else.
     */
    @Test
    void gaussianDefaultsAreTheCategoricalOnesWithTheTunedAlphaBetaAndInitialLogSigma() {
        Hyperparameters g = Hyperparameters.GAUSSIAN_DEFAULTS;
        assertEquals(PolicyKind.GAUSSIAN, g.policy());
        assertEquals(0.002, g.learningRate());
        assertEquals(0.01, g.entropyCoef());
        assertEquals(0.5, g.initialLogStd());
        // α 0.002 is the base of the Gaussian batch rule: derived at the default 16 × 5
        assertEquals(d.withPolicy(PolicyKind.GAUSSIAN).withLearningRate(0.002).withEntropyCoef(0.01)
                .withInitialLogStd(0.5).withDerivedLearningRate(), g);
        assertEquals(g, Hyperparameters.defaultsFor(PolicyKind.GAUSSIAN));
        assertEquals(d, Hyperparameters.defaultsFor(PolicyKind.CATEGORICAL));
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheOptionAndRange() {
        assertMessage("--n-steps must be in [1, 128], got 0", () -> d.withNSteps(0));
        assertMessage("--n-steps must be in [1, 128], got 129", () -> d.withNSteps(129));
        assertMessage("--envs must be in [1, 256], got 257", () -> d.withNumEnvs(257));
        assertMessage("--lr must be in [1.0E-5, 0.1], got 10", () -> d.withLearningRate(10));
        assertMessage("--entropy must be in [0, 0.1], got -0.1", () -> d.withEntropyCoef(-0.1));
        assertMessage("--gamma must be in [0.8, 0.9999], got 1", () -> d.withGamma(1.0));
        assertMessage("--hidden must be in [4, 1024], got 2", () -> d.withHiddenSize(2));
        assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withValueCoef(Double.POSITIVE_INFINITY));
    }

    private static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void restartNeededOnlyForStructuralChanges() {
        assertFalse(d.needsRestartFor(d.withLearningRate(1e-4).withEntropyCoef(0.02).withGamma(0.95)
                .withValueCoef(1).withMaxGradNorm(2)));
        assertTrue(d.needsRestartFor(d.withNSteps(16)));
        assertTrue(d.needsRestartFor(d.withNumEnvs(3)));
        assertTrue(d.needsRestartFor(d.withHiddenSize(64)));
        assertTrue(d.needsRestartFor(d.withOptimizer(d.optimizer() == OptimizerKind.ADAM ? OptimizerKind.RMSPROP : OptimizerKind.ADAM)));
        assertTrue(d.needsRestartFor(d.withSeed(99)));
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            assertFalse(spec.meaning().isBlank());
            assertTrue(spec.min() < spec.max());
        }
        assertTrue(HyperparameterSpec.LEARNING_RATE.appliesLive());
        assertFalse(HyperparameterSpec.N_STEPS.appliesLive());
    }

    /** Each spec entry alone: a live one never needs a retrain, a retrain one always does. */
    @Test
    void liveOrRetrainFollowsTheSpecAlone() {
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            double other = spec.get(d) == spec.max() ? spec.min() : spec.max();
            Hyperparameters edited = spec.with(d, other);
            assertEquals(other, spec.get(edited), 0.0, spec.name());
            assertEquals(!spec.appliesLive(), d.needsRestartFor(edited), spec.name());
            assertEquals(spec.appliesLive() ? other : spec.get(d), spec.get(d.withLiveFieldsOf(edited)),
                    0.0, spec.name() + " after withLiveFieldsOf");
        }
        assertTrue(d.needsRestartFor(d.withDevice(DeviceChoice.CPU)), "device is not in the spec: retrain");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.checkLiveChange(d.withNSteps(16)));
        assertEquals("only --lr, --entropy, --gamma, --value-coef, --max-grad-norm, --gae-lambda, "
                + "--normalize-advantage, --lr-schedule, --lr-final, --lr-decay-steps, --lr-drop apply while "
                + "training; the other hyperparameters apply on retrain", e.getMessage());
    }
}
