package org.a2clab.ui.inspector;

import java.util.Locale;
import javafx.scene.paint.Color;
import org.a2clab.inspect.Heatmap;

/**
 * How one heatmap pane turns its quantity into colours: its title, the colour of a cell and of a
 * legend position u ∈ [0, 1], and the legend's end labels.
 */
abstract class Colouring {
    abstract String title();

    abstract Color colour(Heatmap map, int i, int j);

    abstract Color legend(double u);

    abstract String hiLabel();

    abstract String loLabel();

    /** The colouring of {@code quantity} for {@code map} (null: not computed yet); {@code valueScale} for V. */
    static Colouring of(HeatmapPane.Quantity quantity, Heatmap map, ValueScale valueScale) {
        switch (quantity) {
            case VALUE:
                return value(valueScale);
            case STD:
                return std(map);
            default:
                return map != null && map.means() != null ? mean() : probRight();
        }
    }

    /** π(right): a probability, always 0 … 1. */
    private static Colouring probRight() {
        return new Fixed("π(right | s)   scale 0 … 1", "1.00", "0.00") {
            @Override
            Color colour(Heatmap map, int i, int j) {
                return HeatmapPane.probColour(map.probRightAt(i, j));
            }
        };
    }

    /** μ(s) on the clip range: blue pushes left, white nothing, red pushes right; beyond ±1 saturates like the force. */
    private static Colouring mean() {
        return new Fixed("μ(s)   scale −1 … +1 (clip range)", "+1", "−1") {
            @Override
            Color colour(Heatmap map, int i, int j) {
                return HeatmapPane.probColour((map.meanAt(i, j) + 1) / 2);
            }
        };
    }

    /** V: a range that only widens, so colours compare over time. */
    private static Colouring value(ValueScale shown) {
        ValueScale scale = shown == null ? new ValueScale(0, 1) : shown;
        String title = shown == null ? "V(s)" : "V(s)   scale " + HeatmapPane.formatLegend(shown.lo()) + " … "
                + HeatmapPane.formatLegend(shown.hi()) + " (only widens)";
        return new Ramp(title, scale.lo(), scale.hi()) {
            @Override
            Color colour(Heatmap map, int i, int j) {
                return HeatmapPane.valueColour(scale.position(map.valueAt(i, j)));
            }
        };
    }

    /** σ(s) on a log scale over this map's own range: σ spans decades, and its pattern is what matters. */
    private static Colouring std(Heatmap map) {
        if (map == null || map.stds() == null) {
            return new Ramp("σ(s)", 0, 1) {
                @Override
                Color colour(Heatmap m, int i, int j) {
                    return Color.WHITE;
                }
            };
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (float s : map.stds()) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        double logLo = Math.log(lo);
        double logHi = Math.max(Math.log(hi), logLo + 1e-3);
        String title = String.format(Locale.ROOT, "σ(s)   log scale %.3g … %.3g (this map)", lo, hi);
        return new Ramp(title, lo, hi) {
            @Override
            Color colour(Heatmap m, int i, int j) {
                return HeatmapPane.valueColour((Math.log(m.stdAt(i, j)) - logLo) / (logHi - logLo));
            }

            @Override
            String hiLabel() {
                return String.format(Locale.ROOT, "%.3g", Math.exp(logHi));
            }

            @Override
            String loLabel() {
                return String.format(Locale.ROOT, "%.3g", Math.exp(logLo));
            }
        };
    }

    /** A diverging blue–white–red colouring with fixed labels. */
    private abstract static class Fixed extends Colouring {
        private final String title;
        private final String hi;
        private final String lo;

        Fixed(String title, String hi, String lo) {
            this.title = title;
            this.hi = hi;
            this.lo = lo;
        }

        @Override
        String title() {
            return title;
        }

        @Override
        Color legend(double u) {
            return HeatmapPane.probColour(u);
        }

        @Override
        String hiLabel() {
            return hi;
        }

        @Override
        String loLabel() {
            return lo;
        }
    }

    /** The viridis-like ramp over [lo, hi]. */
    private abstract static class Ramp extends Colouring {
        private final String title;
        private final double lo;
        private final double hi;

        Ramp(String title, double lo, double hi) {
            this.title = title;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        String title() {
            return title;
        }

        @Override
        Color legend(double u) {
            return HeatmapPane.valueColour(u);
        }

        @Override
        String hiLabel() {
            return HeatmapPane.formatLegend(hi);
        }

        @Override
        String loLabel() {
            return HeatmapPane.formatLegend(lo);
        }
    }
}
