package org.a2clab.train;

/**
 * The valid range, CLI option and one-line meaning of each numeric hyperparameter; the UI builds
 * its sliders and tooltips from these, the CLI its error messages.
 */
public enum HyperparameterSpec {
    N_STEPS("--n-steps", 1, 128, false,
            "n-step return horizon: small n trusts the critic (less variance, more bias), large n trusts real rewards"),
    NUM_ENVS("--envs", 1, 256, false,
            "parallel workers stepped in lock-step; more workers = bigger, less correlated batches"),
    LEARNING_RATE("--lr", 1e-5, 1e-1, true,
            "optimizer step size; too high and the policy collapses or diverges"),
    ENTROPY_COEF("--entropy", 0, 0.1, true,
            "β, entropy bonus weight: rewards a spread-out π(a|s) so the agent keeps exploring"),
    GAMMA("--gamma", 0.8, 0.9999, true,
            "γ, discount: how far into the future rewards count (horizon ≈ 1/(1−γ) steps)"),
    VALUE_COEF("--value-coef", 0, 2, true,
            "c, weight of the critic's squared error (R − V(s))² in the shared loss"),
    MAX_GRAD_NORM("--max-grad-norm", 0.01, 100, true,
            "the global gradient norm is clipped to this, bounding each update's size"),
    HIDDEN_SIZE("--hidden", 4, 1024, false,
            "units in each of the two shared hidden layers of the actor-critic network"),
    GAE_LAMBDA("--gae-lambda", 0, 1, true,
            "λ of GAE: 1 gives the plain n-step return, smaller λ leans on the critic (less variance, more bias)"),
    LR_FINAL("--lr-final", 0, 0.1, true,
            "learning rate the linear schedule reaches at the end of its decay"),
    LR_DECAY_STEPS("--lr-decay-steps", 1, 1e9, true,
            "env steps over which the linear schedule decays α to its final value"),
    LR_DROP("--lr-drop", 0, 1, true,
            "factor α is multiplied by, once, when the mean of the last 100 returns first reaches the target");

    private final String option;
    private final double min;
    private final double max;
    private final boolean live;
    private final String meaning;

    HyperparameterSpec(String option, double min, double max, boolean live, String meaning) {
        this.option = option;
        this.min = min;
        this.max = max;
        this.live = live;
        this.meaning = meaning;
    }

    public String option() {
        return option;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** True if a running session picks the new value up at its next update. */
    public boolean appliesLive() {
        return live;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isValid(double value) {
        return value >= min && value <= max;
    }

    /** Throws an IllegalArgumentException that names the option and its valid range. */
    public void check(double value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException(option + " must be in [" + format(min) + ", "
                    + format(max) + "], got " + format(value));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
