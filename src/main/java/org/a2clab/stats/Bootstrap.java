package org.a2clab.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
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
            draw(xs, resample, random);
            estimates[b] = statistic.applyAsDouble(resample);
        }
        return percentiles(estimates, level);
    }

    /** The 95% interval of a statistic of two groups, with {@link #RESAMPLES} resamples and {@link #SEED}. */
    public static Interval ci95(double[] xs, double[] ys, ToDoubleBiFunction<double[], double[]> statistic) {
        return interval(xs, ys, statistic, 0.95, RESAMPLES, SEED);
    }

    /**
     * Two independent groups of runs (as rliable's StratifiedIndependentBootstrap on one task):
     * each resample draws {@code xs.length} runs from xs and {@code ys.length} from ys, so a
     * comparison's interval reflects the seed luck of both groups and nothing else.
     */
    public static Interval interval(double[] xs, double[] ys, ToDoubleBiFunction<double[], double[]> statistic,
            double level, int resamples, long seed) {
        if (xs.length == 0 || ys.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        double[] rx = new double[xs.length];
        double[] ry = new double[ys.length];
        for (int b = 0; b < resamples; b++) {
            draw(xs, rx, random);
            draw(ys, ry, random);
            estimates[b] = statistic.applyAsDouble(rx, ry);
        }
        return percentiles(estimates, level);
    }

    /**
     * Pointwise bands of a curve-valued statistic (a performance profile): each resample gives a
     * whole curve, and each point's interval is taken over the resamples. {low[], high[]}.
     */
    public static double[][] bands(double[] xs, Function<double[], double[]> statistic, double level,
            int resamples, long seed) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] resample = new double[xs.length];
        double[][] curves = new double[resamples][];
        for (int b = 0; b < resamples; b++) {
            draw(xs, resample, random);
            curves[b] = statistic.apply(resample);
        }
        int points = curves[0].length;
        double[][] band = new double[2][points];
        double[] at = new double[resamples];
        for (int i = 0; i < points; i++) {
            for (int b = 0; b < resamples; b++) {
                at[b] = curves[b][i];
            }
            Interval ci = percentiles(at, level);
            band[0][i] = ci.low();
            band[1][i] = ci.high();
        }
        return band;
    }

    private static void draw(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    /** Sorts {@code estimates} in place and returns their central {@code level} range. */
    private static Interval percentiles(double[] estimates, double level) {
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
