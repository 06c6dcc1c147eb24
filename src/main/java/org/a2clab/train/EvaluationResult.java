package org.a2clab.train;

import java.util.Arrays;

/**
 * Returns of evaluation episodes. {@code greedy}: the agent took argmax π(a|s) (a Gaussian policy
 * a = μ(s)); otherwise it sampled from π, as in training. The two differ, so every report says which.
 */
public record EvaluationResult(boolean greedy, long seed, double[] returns) {
    public int episodes() {
        return returns.length;
    }

    public double mean() {
        return Arrays.stream(returns).average().orElse(Double.NaN);
    }

    public double min() {
        return Arrays.stream(returns).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(returns).max().orElse(Double.NaN);
    }

    public String mode() {
        return greedy ? "greedy" : "sampled";
    }
}
