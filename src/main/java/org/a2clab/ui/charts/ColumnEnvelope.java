package org.a2clab.ui.charts;

import java.util.Arrays;

/**
 * A series reduced to one pixel column each: the first, lowest, highest and last y (in pixels)
 * of the points that fall in it. Dense series are then drawn as one filled 1-px bar per column:
 * software rendering (Marlin) pays per scanline crossing, and a noisy polyline of thousands of
 * segments crosses each scanline hundreds of times, while bars cost next to nothing.
 */
final class ColumnEnvelope {
    final int columns;
    final double[] first;
    final double[] min;
    final double[] max;
    final double[] last;
    /** A NaN point lies between the previous column with data and this one: don't connect them. */
    final boolean[] breakBefore;
    int points;

    ColumnEnvelope(int columns) {
        this.columns = columns;
        first = new double[columns];
        min = new double[columns];
        max = new double[columns];
        last = new double[columns];
        breakBefore = new boolean[columns];
        Arrays.fill(first, Double.NaN);
    }

    static ColumnEnvelope of(SeriesBuffer data, PlotFrame f) {
        ColumnEnvelope env = new ColumnEnvelope((int) Math.ceil(f.w) + 1);
        boolean[] pendingBreak = {false};
        data.visit(f.xMin, f.xMax, (x, y) -> {
            if (!Double.isFinite(y)) {
                pendingBreak[0] = true;
                return;
            }
            double py = f.py(y);
            if (!Double.isFinite(py)) {
                pendingBreak[0] = true;
                return;
            }
            int c = (int) Math.max(0, Math.min(env.columns - 1, Math.round(f.px(x) - f.x0)));
            env.add(c, py, pendingBreak[0]);
            pendingBreak[0] = false;
        });
        return env;
    }

    private void add(int c, double py, boolean gap) {
        points++;
        if (Double.isNaN(first[c])) {
            first[c] = py;
            min[c] = py;
            max[c] = py;
            breakBefore[c] = gap;
        } else {
            min[c] = Math.min(min[c], py);
            max[c] = Math.max(max[c], py);
        }
        last[c] = py;
    }

    boolean has(int c) {
        return !Double.isNaN(first[c]);
    }
}
