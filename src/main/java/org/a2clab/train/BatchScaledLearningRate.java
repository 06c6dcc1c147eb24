package org.a2clab.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import org.a2clab.agent.PolicyKind;

/**
 * The learning rate that follows the batch: α = baseLr · (B / baseBatch)^exponent, clamped to
 * [minLr, maxLr], where B = workers × n is the number of samples per update. The batch-size rules
 * of the literature are the cases exponent 1 (linear scaling, Goyal et al. 2017) and ½ (square
 * root, Krizhevsky 2014); the exponent here was fitted over the slider grid on tuning seeds (README,
 * "Auto α"). The constants of each policy live here and nowhere else.
 */
public record BatchScaledLearningRate(double baseLr, int baseBatch, double exponent, double minLr, double maxLr) {
    /**
     * Fitted over workers 4–64 × n 5, 10, 20 on tuning seeds 3001–3004; 16 × 5 = 80 gives today's
     * 0.0025. Linear scaling was best or tied up to B = 160; at B = 320 α 0.0071 beat 0.01 in all three
     * cells, and above it the median hardly moved with α (update-limited): hence the cap 0.0075. The
     * floor is the slider's, not a tuned value.
     */
    public static final BatchScaledLearningRate CATEGORICAL = new BatchScaledLearningRate(0.0025, 80, 1.0, 1e-5, 0.0075);

    /**
     * Fitted over workers 8, 16, 32 × n 5 on the same tuning seeds (1M env steps): at B = 160 α
     * 0.0026–0.0031 solved every seed fast while 0.002–0.0024 and 0.0034–0.004 each left slow or
     * unsolved seeds; at B = 40 no α was clearly best. So the square-root rule through 0.002 at 80,
     * set by B = 160 and capped at 0.003, just above the best measured value.
     */
    public static final BatchScaledLearningRate GAUSSIAN = new BatchScaledLearningRate(0.002, 80, 0.5, 1e-5, 0.003);

    private static final Map<PolicyKind, BatchScaledLearningRate> BY_POLICY = Map.of(
            PolicyKind.CATEGORICAL, CATEGORICAL, PolicyKind.GAUSSIAN, GAUSSIAN);

    public BatchScaledLearningRate {
        if (!(baseLr > 0) || baseBatch < 1 || !Double.isFinite(exponent) || !(minLr > 0) || !(maxLr >= minLr)
                || baseLr < minLr || baseLr > maxLr) {
            throw new IllegalArgumentException("batch rule needs 0 < minLr ≤ baseLr ≤ maxLr, baseBatch ≥ 1 and a finite exponent");
        }
    }

    /** The rule of {@code policy} (every policy has one). */
    public static BatchScaledLearningRate forPolicy(PolicyKind policy) {
        return BY_POLICY.get(policy);
    }

    /** α for {@code workers} × {@code nSteps} samples per update. */
    public double learningRate(int workers, int nSteps) {
        return Math.max(minLr, Math.min(maxLr, unclamped(workers, nSteps)));
    }

    private double unclamped(int workers, int nSteps) {
        return baseLr * Math.pow((double) workers * nSteps / baseBatch, exponent);
    }

    /** How α comes about, e.g. "0.0025 · (40/80)^1", and ", clamped to 1e-05" where the bounds cut it. */
    public String explain(int workers, int nSteps) {
        String out = plain(baseLr) + " · (" + (long) workers * nSteps + "/" + baseBatch + ")^" + plain(exponent);
        double raw = unclamped(workers, nSteps);
        return raw == learningRate(workers, nSteps) ? out : out + " = " + plain(raw) + ", clamped to " + plain(learningRate(workers, nSteps));
    }

    /** Three significant digits, no exponent and no trailing zeros: 0.00125, 0.0025, 1. */
    public static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
