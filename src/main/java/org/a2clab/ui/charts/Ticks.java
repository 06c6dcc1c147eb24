package org.a2clab.ui.charts;

import java.util.Locale;

/** "Nice" axis ticks (1, 2, 5 × 10^k) and compact labels such as 250k or 1.2M. */
final class Ticks {
    private Ticks() {
    }

    /** A step that puts about {@code target} ticks in [min, max]. */
    static double step(double min, double max, int target) {
        double span = max - min;
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    static String label(double v, double step) {
        if (Math.abs(v) < step / 2) {
            v = 0; // a zero tick summed from steps lands at ±1e-17: never print "-0.0" or "1e-17"
        }
        double a = Math.abs(v);
        if (a >= 1e9 || (a > 0 && a < 1e-4)) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        if (a >= 1e6) {
            return trim(v / 1e6, step / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3, step / 1e3) + "k";
        }
        return trim(v, step);
    }

    private static String trim(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(step)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
