package org.a2clab.cli;

import java.nio.file.Path;
import java.util.Map;
import org.a2clab.export.F32Tensor;
import org.a2clab.export.SafeTensors;

/**
 * The network's forward pass written out in plain Java from a bundle's model.safetensors: an
 * oracle for the commands that does not share their code (no DJL, no ActorCritic).
 */
final class PlainForward {
    private final Map<String, F32Tensor> t;

    PlainForward(Path bundle) throws Exception {
        t = SafeTensors.read(bundle.resolve("model.safetensors")).tensors();
    }

    /** {π(left|s), π(right|s), V(s)} in double precision. */
    double[] evaluate(float[] obs) {
        double[] x = new double[obs.length];
        for (int i = 0; i < obs.length; i++) {
            x[i] = obs[i];
        }
        double[] h = relu(linear("shared.0", x));
        h = relu(linear("shared.2", h));
        double[] logits = linear("actor_head", h);
        double v = linear("critic_head", h)[0];
        double m = Math.max(logits[0], logits[1]);
        double e0 = Math.exp(logits[0] - m);
        double e1 = Math.exp(logits[1] - m);
        return new double[] {e0 / (e0 + e1), e1 / (e0 + e1), v};
    }

    private double[] linear(String layer, double[] in) {
        F32Tensor w = t.get(layer + ".weight");
        float[] b = t.get(layer + ".bias").data();
        int out = (int) w.shape()[0];
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double s = b[o];
            for (int i = 0; i < in.length; i++) {
                s += w.data()[o * in.length + i] * in[i];
            }
            y[o] = s;
        }
        return y;
    }

    private static double[] relu(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, x[i]);
        }
        return x;
    }
}
