package org.a2clab.rollout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AdvantageNormalizationTest {
    @Test
    void meanZeroSampleStdOne() {
        // mean 2.5, sample variance ((1.5² + 0.5²)·2)/3 = 5/3, std 1.29099
        float[] a = {1, 2, 3, 4};
        double std = Math.sqrt(5.0 / 3);
        float[] expected = new float[4];
        for (int i = 0; i < 4; i++) {
            expected[i] = (float) ((a[i] - 2.5) / (std + 1e-8));
        }
        assertArrayEquals(expected, AdvantageNormalization.normalized(a));
        assertArrayEquals(new float[] {-1.161895f, -0.387298f, 0.387298f, 1.161895f},
                AdvantageNormalization.normalized(a), 1e-5f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, a, "the input is not changed");
    }

    @Test
    void constantBatchBecomesZerosAndSingleSampleIsKept() {
        assertArrayEquals(new float[] {0, 0, 0}, AdvantageNormalization.normalized(new float[] {5, 5, 5}));
        assertArrayEquals(new float[] {5}, AdvantageNormalization.normalized(new float[] {5}));
    }
}
