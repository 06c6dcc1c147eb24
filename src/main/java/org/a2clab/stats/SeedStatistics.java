package org.a2clab.stats;

import java.util.Arrays;

/**
 * Point estimates over runs (one number per seed), as Agarwal et al. (2021) recommend reporting
 * them: the median and the interquartile mean. An unsolved run enters steps-to-target as +∞, so a
 * median can be +∞ (more than half the runs failed); IQM of such data is +∞ as well.
 */
public final class SeedStatistics {
    private SeedStatistics() {
    }

    /** The median; for an even count the mean of the two middle values. */
    public static double median(double[] xs) {
        double[] s = sorted(xs);
        int n = s.length;
        if (n % 2 == 1) {
            return s[n / 2];
        }
        double a = s[n / 2 - 1];
        double b = s[n / 2];
        // (∞ + ∞)/2 is ∞, but a + (b − a)/2 would be NaN: add first
        return a == b ? a : (a + b) / 2;
    }

    /**
     * Interquartile mean: drops ⌊0.25·n⌋ lowest and as many highest values and averages the rest,
     * as scipy's {@code trim_mean(x, 0.25)} (the IQM of rliable).
     */
    public static double iqm(double[] xs) {
        double[] s = sorted(xs);
        int cut = (int) Math.floor(0.25 * s.length);
        double sum = 0;
        for (int i = cut; i < s.length - cut; i++) {
            sum += s[i];
        }
        return sum / (s.length - 2 * cut);
    }

    /** Env steps to the target, or +∞ for a run that never reached it. */
    public static double stepsToTarget(boolean solved, long envSteps) {
        return solved ? envSteps : Double.POSITIVE_INFINITY;
    }

    static double[] sorted(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        for (double x : xs) {
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException("NaN among the values");
            }
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        return s;
    }
}
