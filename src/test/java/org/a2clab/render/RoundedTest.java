package org.a2clab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 20, point 8: a force that rounds to zero reads "0.0", never "-0.0". */
class RoundedTest {
    @Test
    void aNumberThatRoundsToZeroHasNoMinus() {
        assertEquals("0.0 N", Rounded.format("%+.1f N", -0.04));
        assertEquals("-0.1 N", Rounded.format("%+.1f N", -0.06));
        assertEquals("+0.3", Rounded.format("%+.1f", 0.3));
        assertEquals("0.000", Rounded.format("%.3f", -0.0001));
    }

    @Test
    void captionsLoseTheMinusOfEveryZeroAndKeepTheOthers() {
        assertEquals("x 0.00 m · θ 0.0° · V(s) -1.5 · a -10.00 · t = -0.05 · μ 0.00",
                Rounded.unsignedZeros("x -0.00 m · θ -0.0° · V(s) -1.5 · a -10.00 · t = -0.05 · μ +0.00"));
    }
}
