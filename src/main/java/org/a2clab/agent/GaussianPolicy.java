package org.a2clab.agent;

/**
 * The Gaussian policy's maths, in double, in one place: training, acting, the inspector and the
 * tests use these. The actor outputs μ(s) and log σ(s); log σ is clamped to
 * [{@link #LOG_STD_MIN}, {@link #LOG_STD_MAX}] and σ = exp(log σ); a ~ N(μ, σ²).
 */
public final class GaussianPolicy {
    /**
     * σ ≥ e⁻⁵ ≈ 0.0067 (0.07 N of force noise): small enough for a near-deterministic balance,
     * large enough that log π(a|s) ≤ 5 − ½ log 2π ≈ 4.1 and its gradient (a − μ)/σ² stay bounded,
     * so one unlucky sample cannot blow up an update. (SB3 and CleanRL's SAC clamp at −20/−5.)
     */
    public static final double LOG_STD_MIN = -5;
    /**
     * σ ≤ e² ≈ 7.4: already seven times the clip range ±1, where almost every sample is a full
     * ±10 N push; a wider σ adds no exploration, only variance. (CleanRL's SAC uses 2.)
     */
    public static final double LOG_STD_MAX = 2;
    /** ½ log 2π, the Gaussian's normalising constant in log form. */
    public static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /** ½ log(2πe): the entropy of N(μ, 1). */
    public static final double HALF_LOG_2PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);

    private GaussianPolicy() {
    }

    /**
     * log σ as the policy uses it: the actor's output clamped to [LOG_STD_MIN, LOG_STD_MAX]. NaN
     * stays NaN (as torch.clamp): a diverged head has no σ, and
     * {@link PolicyBatch#firstNonFiniteRow()} must see it rather than a made-up bound.
     */
    public static double clampLogStd(double rawLogStd) {
        return Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, rawLogStd));
    }

    /**
     * True where the clamp passes gradients: inside the range, bounds included (as torch.clamp);
     * outside it log σ is a constant and ∂/∂(raw log σ) = 0.
     */
    public static boolean clampPassesGradient(double rawLogStd) {
        return rawLogStd >= LOG_STD_MIN && rawLogStd <= LOG_STD_MAX;
    }

    /** log π(a|s) = −log σ − ½ log 2π − (a − μ)²/(2σ²), with {@code logStd} already clamped. */
    public static double logProb(double action, double mean, double logStd) {
        double z = (action - mean) / Math.exp(logStd);
        return -logStd - HALF_LOG_2PI - 0.5 * z * z;
    }

    /** H = ½ log(2πe) + log σ, in nats, with {@code logStd} already clamped. */
    public static double entropy(double logStd) {
        return HALF_LOG_2PI_E + logStd;
    }

    /**
     * P(a > 0) = Φ(μ/σ): the probability that the policy pushes right, what π(right|s) is for
     * the categorical policy.
     */
    public static double probPositive(double mean, double std) {
        return 0.5 * erfc(-mean / (std * Math.sqrt(2)));
    }

    /** The complementary error function, relative error below 1.2e-7 (Numerical Recipes' erfcc). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
