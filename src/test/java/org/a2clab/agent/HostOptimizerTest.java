package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RMSprop and Adam on the host against PyTorch's own optimizers: the weights after each of five
 * steps, with the global-norm clip factor applied to the gradients as A2cUpdate applies it. The
 * reference values come from {@code src/test/resources/optimizer/make_reference.py}.
 */
class HostOptimizerTest {

    /** The shape of reference.json. */
    static final class Reference {
        double lr;
        double[] scales;
        float[][] w0;
        float[][][] grads;
        float[][][] rmsprop;
        float[][][] adam;
    }

    private static Reference reference() throws Exception {
        try (Reader in = new InputStreamReader(
                HostOptimizerTest.class.getResourceAsStream("/optimizer/reference.json"),
                StandardCharsets.UTF_8)) {
            return new Gson().fromJson(in, Reference.class);
        }
    }

    @Test
    void rmspropMatchesPyTorchStepByStep() throws Exception {
        Reference ref = reference();
        replay(ref, OptimizerKind.RMSPROP, ref.rmsprop);
    }

    @Test
    void adamMatchesPyTorchStepByStep() throws Exception {
        Reference ref = reference();
        replay(ref, OptimizerKind.ADAM, ref.adam);
    }

    private static void replay(Reference ref, OptimizerKind kind, float[][][] expected) {
        float[][] weights = {ref.w0[0].clone(), ref.w0[1].clone()};
        HostOptimizer optimizer = new HostOptimizer(kind, new int[] {weights[0].length, weights[1].length});
        for (int step = 0; step < expected.length; step++) {
            optimizer.step(weights, ref.grads[step], ref.scales[step], ref.lr);
            for (int p = 0; p < weights.length; p++) {
                for (int k = 0; k < weights[p].length; k++) {
                    assertEquals(expected[step][p][k], weights[p][k], 2e-7,
                            kind + " step " + (step + 1) + ", tensor " + p + "[" + k + "]");
                }
            }
        }
    }
}
