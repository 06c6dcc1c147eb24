package org.a2clab.rollout;

/**
 * Per-batch advantage normalization, as SB3's {@code normalize_advantage}: A ← (A − mean) / (std + ε)
 * with the sample (n − 1) standard deviation and ε = 1e-8. It makes the policy step's size
 * independent of the scale of the returns; the critic still learns the raw returns.
 */
public final class AdvantageNormalization {
    public static final double EPSILON = 1e-8;

    private AdvantageNormalization() {
    }

    /** A normalized copy of {@code advantages}; a batch of one is returned unchanged (as SB3). */
    public static float[] normalized(float[] advantages) {
        int n = advantages.length;
        float[] out = advantages.clone();
        if (n < 2) {
            return out;
        }
        double sum = 0;
        for (float a : advantages) {
            sum += a;
        }
        double mean = sum / n;
        double squares = 0;
        for (float a : advantages) {
            squares += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((advantages[i] - mean) / (std + EPSILON));
        }
        return out;
    }
}
