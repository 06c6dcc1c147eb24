package org.a2clab.agent;

/**
 * The policy and value for a batch of observations, as plain arrays. {@code actor} holds two
 * numbers per observation (row-major): for a {@link PolicyKind#CATEGORICAL} policy π(left|s),
 * π(right|s); for a {@link PolicyKind#GAUSSIAN} one μ(s), σ(s) (σ after the log-σ clamp).
 * {@code values} holds V(s).
 */
public record PolicyBatch(PolicyKind kind, float[] actor, float[] values) {
    /** Where μ(s) sits in a Gaussian row of {@link #actor}. */
    public static final int MEAN = 0;
    /** Where σ(s) sits in a Gaussian row of {@link #actor}. */
    public static final int STD = 1;
    private static final int PER_ROW = ActorCritic.ACTOR_OUTPUTS;

    /** A categorical batch: {@code probs} holds π(left|s), π(right|s) per row. */
    public PolicyBatch(float[] probs, float[] values) {
        this(PolicyKind.CATEGORICAL, probs, values);
    }

    /** False when any output or value is NaN or infinite: the network has diverged. */
    public boolean isFinite() {
        return firstNonFiniteRow() < 0;
    }

    /** The first row with an output or value that is NaN or infinite, or −1 when there is none. */
    public int firstNonFiniteRow() {
        for (int i = 0; i < size(); i++) {
            if (!Float.isFinite(actor[PER_ROW * i]) || !Float.isFinite(actor[PER_ROW * i + 1])
                    || !Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Row i's outputs for a message: "π = [left, right], V = v", or for a Gaussian policy
     * "μ = m, log σ = l, V = v" (log σ after the clamp, which keeps NaN: there is no σ to show then).
     */
    public String describe(int i) {
        String actorText = kind == PolicyKind.GAUSSIAN
                ? "μ = " + mean(i) + ", log σ = " + (float) Math.log(std(i))
                : "π = [" + probLeft(i) + ", " + probRight(i) + "]";
        return actorText + ", V = " + values[i];
    }

    public int size() {
        return values.length;
    }

    /** π(left|s), π(right|s) per row; only a categorical policy has them. */
    public float[] probs() {
        requireKind(PolicyKind.CATEGORICAL);
        return actor;
    }

    /** π(left|s); for a Gaussian policy P(a < 0) (see {@link #probRight}). */
    public float probLeft(int i) {
        return kind == PolicyKind.CATEGORICAL ? actor[PER_ROW * i] : 1 - probRight(i);
    }

    /**
     * π(right|s); for a Gaussian policy the probability that it pushes right, P(a > 0) = Φ(μ/σ),
     * so views and statistics that speak of "pushing right" mean the same for both kinds.
     */
    public float probRight(int i) {
        if (kind == PolicyKind.CATEGORICAL) {
            return actor[PER_ROW * i + 1];
        }
        return (float) GaussianPolicy.probPositive(mean(i), std(i));
    }

    /** μ(s) of row i (Gaussian policies only). */
    public float mean(int i) {
        requireKind(PolicyKind.GAUSSIAN);
        return actor[PER_ROW * i + MEAN];
    }

    /** σ(s) of row i, after the clamp (Gaussian policies only). */
    public float std(int i) {
        requireKind(PolicyKind.GAUSSIAN);
        return actor[PER_ROW * i + STD];
    }

    /** The entropy of π(·|s) in nats: Shannon's for two actions, ½ log(2πe) + log σ for a Gaussian. */
    public double entropy(int i) {
        if (kind == PolicyKind.GAUSSIAN) {
            return GaussianPolicy.entropy(Math.log(std(i)));
        }
        double h = 0;
        for (int a = 0; a < PER_ROW; a++) {
            double p = actor[PER_ROW * i + a];
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private void requireKind(PolicyKind expected) {
        if (kind != expected) {
            throw new IllegalStateException("a " + kind.label() + " policy has no " + expected.label() + " outputs");
        }
    }
}
