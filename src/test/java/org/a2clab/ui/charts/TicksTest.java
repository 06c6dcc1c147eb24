package org.a2clab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(100, Ticks.step(0, 500, 5));
        assertEquals(0.2, Ticks.step(0, 1, 5), 1e-12);
        assertEquals(50_000, Ticks.step(0, 230_000, 5));
    }

    @Test
    void labelsAreCompact() {
        assertEquals("250k", Ticks.label(250_000, 50_000));
        assertEquals("1.5M", Ticks.label(1_500_000, 500_000));
        assertEquals("0.25", Ticks.label(0.25, 0.05));
        assertEquals("475", Ticks.label(475, 25));
        assertEquals("1e+12", Ticks.label(1e12, 1e12));
    }

    @Test
    void aZeroTickMissedByRoundingIsZero() {
        assertEquals("0.0", Ticks.label(-0.4 + 0.2 + 0.2 - 1e-17, 0.2));
        assertEquals("0.0", Ticks.label(-0.01, 0.2));
        assertEquals("0", Ticks.label(1e-9, 100));
    }
}
