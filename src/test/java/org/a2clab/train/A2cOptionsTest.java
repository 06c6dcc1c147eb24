package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GAE λ, advantage normalization and learning-rate schedules inside the training loop. */
class A2cOptionsTest {
    static final Hyperparameters SMALL = A2cTrainingTest.SMALL;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    @Test
    void linearScheduleSetsAlphaFromTheEnvStepsSoFar() {
        Hyperparameters hp = SMALL.withLrSchedule(LrSchedule.LINEAR).withLrFinal(0).withLrDecaySteps(200);
        try (A2c a2c = new A2c(hp)) {
            // 4 envs × 5 steps: the first update runs after 20 env steps, α = 0.0025·(1 − 20/200)
            assertEquals((float) 0.00225, (float) a2c.update().learningRate());
            for (int i = 0; i < 9; i++) {
                a2c.update();
            }
            // 11th update after 220 steps: fully decayed
            assertEquals(0.0, a2c.update().learningRate());
        }
    }

    @Test
    void dropOnSolveMultipliesAlphaOnceTheTargetIsFirstReached() {
        Hyperparameters hp = SMALL.withLrSchedule(LrSchedule.DROP_ON_SOLVE).withLrDrop(0.5);
        try (A2c a2c = new A2c(hp)) {
            a2c.setTargetReturn(0);
            while (a2c.solvedEnvSteps() < 0) {
                assertEquals((float) 0.0025, (float) a2c.update().learningRate());
            }
            assertTrue(a2c.episodes() >= StopRule.WINDOW);
            assertEquals((float) 0.00125, (float) a2c.update().learningRate());
        }
    }

    @Test
    void lambdaAndNormalizationChangeTheUpdatesButNotTheirDefaults() {
        // the defaults are λ = 0.9 with normalization
        assertEquals(firstLosses(SMALL), firstLosses(SMALL.withGaeLambda(0.9).withNormalizeAdvantage(true)));
        assertNotEquals(firstLosses(SMALL), firstLosses(SMALL.withGaeLambda(1.0)));
        assertNotEquals(firstLosses(SMALL), firstLosses(SMALL.withNormalizeAdvantage(false)));
    }

    private static String firstLosses(Hyperparameters hp) {
        StringBuilder b = new StringBuilder();
        try (A2c a2c = new A2c(hp)) {
            for (int i = 0; i < 5; i++) {
                UpdateStats s = a2c.update();
                b.append(s.policyLoss()).append(' ').append(s.valueLoss()).append(' ');
            }
        }
        return b.toString();
    }
}
