package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
    private final Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(0.004)
            .withLrFinal(0.001).withLrDecaySteps(100_000).withLrDrop(0.25);

    @Test
    void constantKeepsAlpha() {
        assertEquals(0.004, LrSchedule.CONSTANT.rate(hp, 0, false));
        assertEquals(0.004, LrSchedule.CONSTANT.rate(hp, 900_000, true));
    }

    @Test
    void linearAnnealsToTheFinalValueThenStays() {
        assertEquals(0.004, LrSchedule.LINEAR.rate(hp, 0, false), 1e-15);
        assertEquals(0.0025, LrSchedule.LINEAR.rate(hp, 50_000, false), 1e-15);
        assertEquals(0.00325, LrSchedule.LINEAR.rate(hp, 25_000, true), 1e-15);
        assertEquals(0.001, LrSchedule.LINEAR.rate(hp, 100_000, false), 1e-15);
        assertEquals(0.001, LrSchedule.LINEAR.rate(hp, 400_000, false), 1e-15);
    }

    @Test
    void dropOnSolveMultipliesOnceSolved() {
        assertEquals(0.004, LrSchedule.DROP_ON_SOLVE.rate(hp, 500_000, false));
        assertEquals(0.001, LrSchedule.DROP_ON_SOLVE.rate(hp, 10, true), 1e-15);
    }

    @Test
    void labelsRoundTripAndBadNamesAreRefused() {
        for (LrSchedule s : LrSchedule.values()) {
            assertEquals(s, LrSchedule.parse(s.label()));
        }
        assertEquals(LrSchedule.DROP_ON_SOLVE, LrSchedule.parse("drop-on-solve"));
        assertThrows(IllegalArgumentException.class, () -> LrSchedule.parse("cosine"));
    }
}
