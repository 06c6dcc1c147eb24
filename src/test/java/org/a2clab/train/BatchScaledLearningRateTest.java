package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.PolicyKind;
import org.junit.jupiter.api.Test;

/**
 * Auto α: what follows from the rule's form, whatever constants the grid measurement gave it, and
 * how {@link Hyperparameters} carries "derived".
 */
class BatchScaledLearningRateTest {
    static final BatchScaledLearningRate RULE = BatchScaledLearningRate.CATEGORICAL;
    static final int[] WORKERS = {1, 2, 4, 8, 16, 32, 64, 128, 256};
    static final int[] N = {1, 2, 5, 10, 20, 64, 128};

    @Test
    void theDefaultCellGivesTheBaseAlphaAndTheDefaultsAreDerivedFromIt() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        assertEquals(RULE.baseBatch(), d.numEnvs() * d.nSteps(), "the base batch is the default cell, 16 × 5");
        assertEquals(RULE.baseLr(), RULE.learningRate(d.numEnvs(), d.nSteps()));
        assertEquals(0.0025, d.learningRate(), "today's default α");
        assertTrue(d.learningRateDerived());
        assertEquals(d, d.withDerivedLearningRate());
    }

    @Test
    void alphaIsExactlyTheBaseTimesTheBatchRatioToTheExponentWithinTheBounds() {
        for (int w : WORKERS) {
            for (int n : N) {
                double raw = RULE.baseLr() * Math.pow((double) w * n / RULE.baseBatch(), RULE.exponent());
                assertEquals(Math.max(RULE.minLr(), Math.min(RULE.maxLr(), raw)), RULE.learningRate(w, n), w + " × " + n);
                assertTrue(RULE.learningRate(w, n) >= RULE.minLr() && RULE.learningRate(w, n) <= RULE.maxLr());
                assertTrue(HyperparameterSpec.LEARNING_RATE.isValid(RULE.learningRate(w, n)), "a valid --lr everywhere");
            }
        }
    }

    @Test
    void alphaMovesWithTheBatchOnlyAndInTheDirectionOfTheExponent() {
        // 8 × 10 and 16 × 5 are one batch: the rule sees samples per update, not how they are made
        assertEquals(RULE.learningRate(16, 5), RULE.learningRate(8, 10));
        assertEquals(RULE.learningRate(4, 20), RULE.learningRate(80, 1));
        double previous = Double.NaN;
        for (int b = 1; b <= 256 * 128; b *= 2) {
            double lr = RULE.learningRate(b, 1);
            if (!Double.isNaN(previous)) {
                assertTrue(RULE.exponent() >= 0 ? lr >= previous : lr <= previous, "monotone in B at " + b);
            }
            previous = lr;
        }
    }

    @Test
    void explainShowsTheArithmeticAndAClampWhereTheBoundsCut() {
        assertEquals(BatchScaledLearningRate.plain(RULE.baseLr()) + " · (40/" + RULE.baseBatch() + ")^"
                + BatchScaledLearningRate.plain(RULE.exponent()), RULE.explain(8, 5));
        BatchScaledLearningRate tight = new BatchScaledLearningRate(0.0025, 80, 1, 0.001, 0.004);
        assertEquals("0.0025 · (20/80)^1 = 0.000625, clamped to 0.001", tight.explain(4, 5));
        assertEquals(0.001, tight.learningRate(4, 5));
        assertEquals(0.004, tight.learningRate(64, 20));
        assertEquals("0.00125", BatchScaledLearningRate.plain(0.00125));
        assertEquals("0.0025", BatchScaledLearningRate.plain(0.0025));
        assertEquals("1", BatchScaledLearningRate.plain(1.0));
    }

    @Test
    void settingAlphaByHandClearsDerivedAndDerivingSetsItAgain() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        Hyperparameters hand = d.withLearningRate(d.learningRate());
        assertFalse(hand.learningRateDerived(), "by hand even at the same value");
        Hyperparameters eight = d.withNumEnvs(8).withDerivedLearningRate();
        assertTrue(eight.learningRateDerived());
        assertEquals(RULE.learningRate(8, 5), eight.learningRate());
    }

    /** A caller that sets only workers changes only workers; "derived" stays only where it is still true. */
    @Test
    void changingTheBatchKeepsAlphaAndClearsDerivedWhereTheRuleGivesAnotherValue() {
        Hyperparameters d = Hyperparameters.DEFAULTS;
        Hyperparameters four = d.withNumEnvs(4);
        assertEquals(d.learningRate(), four.learningRate());
        assertEquals(RULE.learningRate(4, 5) == d.learningRate(), four.learningRateDerived());
        assertTrue(d.withNumEnvs(16).withNSteps(5).learningRateDerived(), "the same cell: α is still the rule's");
        assertFalse(four.withNumEnvs(16).learningRateDerived() && RULE.learningRate(4, 5) != d.learningRate(),
                "once cleared, only deriving sets it again");
        assertTrue(d.withSeed(5).withEntropyCoef(0.01).learningRateDerived(), "other settings leave it alone");
    }

    @Test
    void eachPolicysDefaultAlphaIsItsRulesBaseAtTheDefaultCell() {
        Hyperparameters g = Hyperparameters.GAUSSIAN_DEFAULTS;
        assertTrue(g.learningRateDerived());
        assertEquals(0.002, g.learningRate(), "the tuned Gaussian α, now at the default cell of its rule");
        assertEquals(BatchScaledLearningRate.GAUSSIAN.baseLr(), g.learningRate());
        assertEquals(BatchScaledLearningRate.GAUSSIAN.baseBatch(), g.numEnvs() * g.nSteps());
        for (PolicyKind p : PolicyKind.values()) {
            assertEquals(BatchScaledLearningRate.forPolicy(p).baseLr(),
                    Hyperparameters.defaultsFor(p).learningRate(), p.label());
        }
        assertEquals(BatchScaledLearningRate.forPolicy(PolicyKind.CATEGORICAL), RULE);
        // switching policy keeps α's value; deriving again takes the new policy's rule
        Hyperparameters switched = Hyperparameters.DEFAULTS.withNumEnvs(32).withDerivedLearningRate().withPolicy(PolicyKind.GAUSSIAN);
        assertFalse(switched.learningRateDerived());
        assertEquals(BatchScaledLearningRate.GAUSSIAN.learningRate(32, 5), switched.withDerivedLearningRate().learningRate());
    }

    /** α derived for 8 workers does not reach a network still training with 16: it is derived for 16. */
    @Test
    void liveChangesDeriveAlphaForTheRunningBatch() {
        Hyperparameters running = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
        Hyperparameters edited = Hyperparameters.DEFAULTS.withNumEnvs(8).withDerivedLearningRate();
        Hyperparameters live = running.withLiveFieldsOf(edited);
        assertEquals(RULE.learningRate(16, 5), live.learningRate());
        assertTrue(live.learningRateDerived());
        assertEquals(16, live.numEnvs());
        assertTrue(running.needsRestartFor(edited), "the workers wait for a retrain");
        assertFalse(running.needsRestartFor(Hyperparameters.DEFAULTS), "auto on again applies live");
        assertFalse(Hyperparameters.DEFAULTS.needsRestartFor(running), "α by hand applies live");
    }
}
