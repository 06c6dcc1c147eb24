package org.a2clab.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.a2clab.stats.Bootstrap;

/**
 * The curve of a group of seeds, the one band that {@code sweep}'s learning_curves.png and
 * iqm_curves.png and the app's grouped overlay and Profiles views all draw: at {@link #POINTS}
 * env-step positions from 0 to the longest run's last point, a statistic over the runs (the
 * median, or the IQM of rliable's sample-efficiency curves) and its 95% percentile-bootstrap
 * interval. A run that ended earlier (solved) carries its last value on. A run counts only from
 * its first point on (its curve has a mean-100 only after its first finished episodes), so a
 * position where no run has a value yet is NaN, left out of the chart: never a 0.
 */
public record GroupCurve(double[] x, double[] centre, double[] low, double[] high) {
    /** Positions of a group's curve: fine enough to follow the curves, cheap enough to redo live. */
    public static final int POINTS = 120;
    /** Resamples per position: enough for a drawn band, and cheap enough to redraw live. */
    static final int RESAMPLES = 1000;

    /**
     * {@code runs}: per run {xs, ys} with xs ascending (as {@link Curve#points()}); {@code statistic}
     * over the runs' values at each position.
     */
    public static GroupCurve of(List<double[][]> runs, ToDoubleFunction<double[]> statistic) {
        return of(runs, POINTS, statistic);
    }

    static GroupCurve of(List<double[][]> runs, int points, ToDoubleFunction<double[]> statistic) {
        double end = 0;
        for (double[][] r : runs) {
            if (r[0].length > 0) {
                end = Math.max(end, r[0][r[0].length - 1]);
            }
        }
        double[] x = new double[points];
        double[] centre = new double[points];
        double[] low = new double[points];
        double[] high = new double[points];
        int[] cursor = new int[runs.size()];
        double[] at = new double[runs.size()];
        for (int i = 0; i < points; i++) {
            x[i] = points == 1 ? end : end * i / (points - 1);
            int n = 0;
            for (int r = 0; r < runs.size(); r++) {
                double[] xs = runs.get(r)[0];
                while (cursor[r] < xs.length && xs[cursor[r]] <= x[i]) {
                    cursor[r]++;
                }
                if (cursor[r] > 0) {
                    at[n++] = runs.get(r)[1][cursor[r] - 1];
                }
            }
            if (n == 0) {
                centre[i] = low[i] = high[i] = Double.NaN;
                continue;
            }
            double[] values = Arrays.copyOf(at, n);
            centre[i] = statistic.applyAsDouble(values);
            Bootstrap.Interval ci = Bootstrap.interval(values, statistic, 0.95, RESAMPLES, Bootstrap.SEED);
            low[i] = ci.low();
            high[i] = ci.high();
        }
        return new GroupCurve(x, centre, low, high);
    }
}
