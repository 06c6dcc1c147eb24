package org.a2clab.stats;

import java.util.OptionalInt;

/**
 * How many seeds per group would make the 95% interval of P(improvement) narrower than ±0.1,
 * estimated from the current runs. Method: a bootstrap half-width shrinks as 1/√n (the variance
 * of a Mann–Whitney estimate is a sum of terms in 1/n_A and 1/n_B), so with n_A and n_B runs now
 * and n' in each group later, half-width' = half-width·√(n_eff/n') with n_eff = 2/(1/n_A + 1/n_B)
 * (their harmonic mean; n_eff = n for equal groups). The answer is the smallest n' with
 * half-width' < 0.1. It extrapolates the spread the current seeds show: when every run of one
 * group beats every run of the other the bootstrap interval is a point and the estimate is the
 * minimum of 2, which only says the current seeds did not disagree.
 */
public final class SeedsNeeded {
    /** The half-width the interval should get under. */
    public static final double HALF_WIDTH = 0.1;

    private SeedsNeeded() {
    }

    /** Seeds per group; empty when a group has fewer than 2 runs (one run has no spread to scale). */
    public static OptionalInt forInterval(Bootstrap.Interval ci, int runsA, int runsB) {
        if (runsA < 2 || runsB < 2) {
            return OptionalInt.empty();
        }
        double half = (ci.high() - ci.low()) / 2;
        double effective = 2 / (1.0 / runsA + 1.0 / runsB);
        double ratio = half / HALF_WIDTH;
        return OptionalInt.of((int) Math.max(2, Math.floor(effective * ratio * ratio) + 1));
    }
}
