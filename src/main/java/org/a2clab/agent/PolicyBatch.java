package org.a2clab.agent;

/**
 * The policy and value for a batch of observations, as plain arrays. {@code actor} holds two
 * numbers per observation (row-major): for a {@link PolicyKind#CATEGORICAL} policy π(left|s),
 * π(right|s); for a {@link PolicyKind#GAUSSIAN} one μ(s), σ(s) (σ after the log-σ clamp).
 * {@code values} holds V(s).
 */
public record PolicyBatch(PolicyKind kind, float[] actor, float[] values) {
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

    /** Row i's outputs for a message: the actor's (see {@link ActionDistribution#describe}), then V. */
    public String describe(int i) {
        return distribution().describe(actor, i) + ", V = " + values[i];
    }

    /** The distribution this batch's actor rows belong to. */
    public ActionDistribution distribution() {
        return kind.distribution();
    }

    public int size() {
        return values.length;
    }

    /** π(left|s); for a Gaussian policy P(a < 0) (see {@link #probRight}). */
    public float probLeft(int i) {
        return distribution().probLeft(actor, i);
    }

    /**
     * π(right|s); for a Gaussian policy the probability that it pushes right, P(a > 0) = Φ(μ/σ),
     * so views and statistics that speak of "pushing right" mean the same for both kinds.
     */
    public float probRight(int i) {
        return distribution().probRight(actor, i);
    }

    /** μ(s) of row i; a distribution without μ (categorical) throws. */
    public float mean(int i) {
        return parameter(distribution().means(actor, size()), "μ")[i];
    }

    /** σ(s) of row i, after the clamp; a distribution without σ (categorical) throws. */
    public float std(int i) {
        return parameter(distribution().stds(actor, size()), "σ")[i];
    }

    private float[] parameter(float[] column, String name) {
        if (column == null) {
            throw new IllegalStateException("a " + kind.label() + " policy has no " + name);
        }
        return column;
    }

    /** The entropy of π(·|s) in nats (see {@link ActionDistribution#entropy(double, double)}). */
    public double entropy(int i) {
        return distribution().entropy(actor[PER_ROW * i], actor[PER_ROW * i + 1]);
    }
}
