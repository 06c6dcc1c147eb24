package org.a2clab.stats;

/**
 * The probability of improvement of Agarwal et al. (2021): the chance that a run of A drawn at
 * random beats a run of B drawn at random, P(A better) = mean over all run pairs (a, b) of
 * [a better than b] + ½·[a = b]. It is the Mann–Whitney U statistic divided by n_A·n_B, as
 * rliable's {@code probability_of_improvement} on one task. ½ means "no difference"; its interval
 * is the percentile bootstrap with each group's runs resampled on their own.
 */
public final class ProbabilityOfImprovement {
    /** Which way a metric improves: final return up, env steps to the target down (unsolved = +∞). */
    public enum Better {
        HIGHER, LOWER
    }

    /** P(A better than B) and its 95% interval. */
    public record Estimate(double p, Bootstrap.Interval ci95) {
    }

    private ProbabilityOfImprovement() {
    }

    /** P(A better than B); two unsolved runs (+∞ steps) are equal, so they tie. */
    public static double of(double[] a, double[] b, Better better) {
        // refuses an empty group and NaN, as the other statistics over seeds do
        SeedStatistics.sorted(a);
        SeedStatistics.sorted(b);
        return pairs(a, b, better);
    }

    /** The estimate with its interval: {@link Bootstrap#RESAMPLES} resamples, seed {@link Bootstrap#SEED}. */
    public static Estimate withCi95(double[] a, double[] b, Better better) {
        double p = of(a, b, better);
        return new Estimate(p, Bootstrap.ci95(a, b, (ra, rb) -> pairs(ra, rb, better)));
    }

    private static double pairs(double[] a, double[] b, Better better) {
        double wins = 0;
        for (double x : a) {
            for (double y : b) {
                if (x == y) {
                    wins += 0.5;
                } else if ((x > y) == (better == Better.HIGHER)) {
                    wins += 1;
                }
            }
        }
        return wins / ((double) a.length * b.length);
    }
}
