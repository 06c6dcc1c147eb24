package org.a2clab.agent;

/**
 * The policy and value for a batch of observations, as plain arrays: {@code probs} holds
 * π(left|s), π(right|s) per row (row-major, 2 per observation), {@code values} holds V(s).
 */
public record PolicyBatch(float[] probs, float[] values) {
    /** False when any probability or value is NaN or infinite: the network has diverged. */
    public boolean isFinite() {
        for (float p : probs) {
            if (!Float.isFinite(p)) {
                return false;
            }
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return values.length;
    }

    public float probLeft(int i) {
        return probs[2 * i];
    }

    public float probRight(int i) {
        return probs[2 * i + 1];
    }

    /** Shannon entropy H(π(·|s)) in nats. */
    public double entropy(int i) {
        double h = 0;
        for (int a = 0; a < 2; a++) {
            double p = probs[2 * i + a];
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
