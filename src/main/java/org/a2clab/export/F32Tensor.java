package org.a2clab.export;

import java.util.Arrays;

/** A named-less float32 tensor: its shape and its values in row-major order. */
public record F32Tensor(long[] shape, float[] data) {
    public F32Tensor {
        if (elementCount(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + elementCount(shape) + " values, got " + data.length);
        }
    }

    /** Product of the dimensions; -1 if a dimension is negative or the product overflows. */
    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }
}
