package org.a2clab.agent;

/**
 * Adam and RMSprop (PyTorch semantics) applied on the host over plain float arrays. The network
 * is tiny (≈17k parameters at 128 units) while each native DJL call costs microseconds, and DJL's
 * Adam issues about a dozen calls per parameter tensor; updating in Java is several times faster
 * and makes the step easy to read against the equations.
 */
final class HostOptimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;
    // SB3's A2C defaults for RMSprop: α = 0.99, ε = 1e-5.
    private static final double RMS_ALPHA = 0.99;
    private static final double RMS_EPS = 1e-5;

    private final OptimizerKind kind;
    private final float[][] firstMoment;
    private final float[][] secondMoment;
    private long steps;

    HostOptimizer(OptimizerKind kind, int[] sizes) {
        this.kind = kind;
        firstMoment = new float[sizes.length][];
        secondMoment = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            firstMoment[i] = new float[sizes[i]];
            secondMoment[i] = new float[sizes[i]];
        }
    }

    /** One step: {@code weights[i] -= update(gradScale · grads[i])}, in place. */
    void step(float[][] weights, float[][] grads, double gradScale, double learningRate) {
        steps++;
        if (kind == OptimizerKind.ADAM) {
            double stepSize = learningRate / (1 - Math.pow(BETA1, steps));
            double biasCorrection2 = 1 - Math.pow(BETA2, steps);
            for (int i = 0; i < weights.length; i++) {
                adam(weights[i], grads[i], firstMoment[i], secondMoment[i], gradScale, stepSize, biasCorrection2);
            }
        } else {
            for (int i = 0; i < weights.length; i++) {
                rmsprop(weights[i], grads[i], secondMoment[i], gradScale, learningRate);
            }
        }
    }

    // float arithmetic in simple loops so the JIT can vectorise them (sqrt included)
    private static void adam(float[] w, float[] g, float[] m, float[] v, double scale,
            double stepSize, double biasCorrection2) {
        float s = (float) scale;
        float step = (float) stepSize;
        float invCorrection2 = (float) (1 / biasCorrection2);
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) ADAM_EPS;
        for (int k = 0; k < w.length; k++) {
            float grad = g[k] * s;
            float mk = b1 * m[k] + (1 - b1) * grad;
            float vk = b2 * v[k] + (1 - b2) * grad * grad;
            m[k] = mk;
            v[k] = vk;
            w[k] -= step * mk / ((float) Math.sqrt(vk * invCorrection2) + eps);
        }
    }

    private static void rmsprop(float[] w, float[] g, float[] v, double scale, double lr) {
        float s = (float) scale;
        float rate = (float) lr;
        float alpha = (float) RMS_ALPHA;
        float eps = (float) RMS_EPS;
        for (int k = 0; k < w.length; k++) {
            float grad = g[k] * s;
            float vk = alpha * v[k] + (1 - alpha) * grad * grad;
            v[k] = vk;
            w[k] -= rate * grad / ((float) Math.sqrt(vk) + eps);
        }
    }
}
