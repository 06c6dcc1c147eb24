package org.a2clab.agent;

import java.util.Arrays;

/**
 * The network's outputs are NaN or infinite at an observation: its weights (or the observation)
 * overflow float32. Acting on such outputs would silently push left (every comparison with NaN is
 * false), so callers that act or report stop with this instead.
 */
public final class NonFiniteOutputException extends RuntimeException {
    public NonFiniteOutputException(float[] observation, String outputs) {
        super("the network's output is not finite at observation " + Arrays.toString(observation) + ": " + outputs);
    }
}
