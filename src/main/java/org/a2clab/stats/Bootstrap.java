package org.a2clab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile-bootstrap confidence intervals (Efron): resample the runs with replacement, compute
 * the statistic on each resample, and take the 2.5th and 97.5th percentiles of those values. The
 * generator is seeded, so the same data always gives the same interval.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 2000;
    public static final long SEED = 20211206L;

    private Bootstrap() {
    }

    /** The 95% interval of {@code statistic} with {@link #RESAMPLES} resamples and {@link #SEED}. */
    public static Interval ci95(double[] xs, ToDoubleFunction<double[]> statistic) {
        return interval(xs, statistic, 0.95, RESAMPLES, SEED);
    }

    public static Interval interval(double[] xs, ToDoubleFunction<double[]> statistic,
            double level, int resamples, long seed) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        double[] resample = new double[xs.length];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < xs.length; i++) {
                resample[i] = xs[random.nextInt(xs.length)];
            }
            estimates[b] = statistic.applyAsDouble(resample);
        }
        Arrays.sort(estimates);
        double tail = (1 - level) / 2 * 100;
        return new Interval(percentile(estimates, tail), percentile(estimates, 100 - tail));
    }

    /** The q-th percentile of sorted values, interpolated linearly (numpy's default). */
    static double percentile(double[] sorted, double q) {
        double rank = q / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double a = sorted[below];
        double b = sorted[above];
        double f = rank - below;
        // keep +∞ (unsolved runs) out of ∞ − ∞ and 0·∞, which are NaN
        if (a == b || f == 0) {
            return a;
        }
        if (Double.isInfinite(b)) {
            return b;
        }
        return a + (b - a) * f;
    }

    /** A confidence interval; either end may be +∞ when unsolved runs dominate a resample. */
    public record Interval(double low, double high) {
    }
}
