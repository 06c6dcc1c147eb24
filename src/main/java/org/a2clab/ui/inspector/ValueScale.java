package org.a2clab.ui.inspector;

/** A colour scale's range [lo, hi] for V(s); {@link #widen} never narrows it. */
public record ValueScale(double lo, double hi) {
    /** {@code current} widened to hold [min, max]; a fresh scale when {@code current} is null. */
    static ValueScale widen(ValueScale current, double min, double max) {
        double lo = current == null ? min : Math.min(current.lo, min);
        double hi = current == null ? max : Math.max(current.hi, max);
        return new ValueScale(lo, Math.max(hi, lo + 1e-6));
    }

    /** Where {@code v} sits in the range, 0 … 1. */
    double position(double v) {
        return (v - lo) / (hi - lo);
    }
}
