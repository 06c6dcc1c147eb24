package org.a2clab.stats;

import java.util.Arrays;

/**
 * A performance profile (score distribution) of Agarwal et al. (2021): for each threshold τ the
 * fraction of runs whose score is at least τ, with a pointwise 95% percentile-bootstrap band over
 * the runs. (rliable counts scores strictly above τ; here ≥ τ, so a run at exactly 500 counts at
 * τ = 500.) One run gives a step from 1 to 0 and a band equal to it.
 */
public record PerformanceProfile(double[] tau, double[] fraction, double[] low, double[] high) {
    /** Thresholds 0, 1, …, 500: every mean-100 return CartPole can reach. */
    public static double[] returnThresholds() {
        double[] t = new double[501];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        return t;
    }

    public static PerformanceProfile of(double[] scores, double[] tau) {
        SeedStatistics.sorted(scores); // refuses no runs and NaN
        double[][] band = Bootstrap.bands(scores, s -> fractions(s, tau), 0.95, Bootstrap.RESAMPLES, Bootstrap.SEED);
        return new PerformanceProfile(tau.clone(), fractions(scores, tau), band[0], band[1]);
    }

    /** The fraction of {@code scores} ≥ each τ (τ ascending). */
    static double[] fractions(double[] scores, double[] tau) {
        double[] s = scores.clone();
        Arrays.sort(s);
        double[] f = new double[tau.length];
        int below = 0;
        for (int i = 0; i < tau.length; i++) {
            while (below < s.length && s[below] < tau[i]) {
                below++;
            }
            f[i] = (double) (s.length - below) / s.length;
        }
        return f;
    }
}
