package org.a2clab.train;

import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyKind;

/**
 * The valid range, CLI option, one-line meaning and live-or-retrain rule of each numeric
 * hyperparameter, and how to read and set it on a {@link Hyperparameters}; the UI builds its
 * sliders and tooltips from these, the CLI its error messages, and {@link Hyperparameters} its
 * live-change rule. Fields not listed here (optimizer, seed, device) apply on retrain. Choices
 * (advantage normalization, α schedule, policy) are listed by index.
 */
public enum HyperparameterSpec {
    N_STEPS("--n-steps", 1, 128, false,
            "n-step return horizon: small n trusts the critic (less variance, more bias), large n trusts real rewards",
            Hyperparameters::nSteps, (hp, v) -> hp.withNSteps((int) Math.round(v))),
    NUM_ENVS("--envs", 1, 256, false,
            "parallel workers stepped in lock-step; more workers = bigger, less correlated batches",
            Hyperparameters::numEnvs, (hp, v) -> hp.withNumEnvs((int) Math.round(v))),
    LEARNING_RATE("--lr", 1e-5, 1e-1, true,
            "optimizer step size; too high and the policy collapses or diverges",
            Hyperparameters::learningRate, Hyperparameters::withLearningRate),
    ENTROPY_COEF("--entropy", 0, 0.1, true,
            "β, entropy bonus weight: rewards a spread-out π(a|s) so the agent keeps exploring",
            Hyperparameters::entropyCoef, Hyperparameters::withEntropyCoef),
    GAMMA("--gamma", 0.8, 0.9999, true,
            "γ, discount: how far into the future rewards count (horizon ≈ 1/(1−γ) steps)",
            Hyperparameters::gamma, Hyperparameters::withGamma),
    VALUE_COEF("--value-coef", 0, 2, true,
            "c, weight of the critic's squared error (R − V(s))² in the shared loss",
            Hyperparameters::valueCoef, Hyperparameters::withValueCoef),
    MAX_GRAD_NORM("--max-grad-norm", 0.01, 100, true,
            "the global gradient norm is clipped to this, bounding each update's size",
            Hyperparameters::maxGradNorm, Hyperparameters::withMaxGradNorm),
    HIDDEN_SIZE("--hidden", 4, 1024, false,
            "units in each of the two shared hidden layers of the actor-critic network",
            Hyperparameters::hiddenSize, (hp, v) -> hp.withHiddenSize((int) Math.round(v))),
    GAE_LAMBDA("--gae-lambda", 0, 1, true,
            "λ of GAE: 1 gives the plain n-step return, smaller λ leans on the critic (less variance, more bias)",
            Hyperparameters::gaeLambda, Hyperparameters::withGaeLambda),
    /** A switch: 1 on, 0 off (the CLI takes true|false). */
    NORMALIZE_ADVANTAGE("--normalize-advantage", 0, 1, true,
            "scale each batch's advantages to mean 0, std 1 before the policy loss: steadier step sizes",
            hp -> hp.normalizeAdvantage() ? 1 : 0, (hp, v) -> hp.withNormalizeAdvantage(v >= 0.5)),
    /** A choice by index into {@link LrSchedule} (the CLI takes the names). */
    LR_SCHEDULE("--lr-schedule", 0, LrSchedule.values().length - 1, true,
            "how α changes over the run: constant, linear decay, or a drop once the run is solved",
            hp -> hp.lrSchedule().ordinal(),
            (hp, v) -> hp.withLrSchedule(LrSchedule.values()[(int) Math.round(v)])),
    LR_FINAL("--lr-final", 0, 0.1, true,
            "learning rate the linear schedule reaches at the end of its decay",
            Hyperparameters::lrFinal, Hyperparameters::withLrFinal),
    LR_DECAY_STEPS("--lr-decay-steps", 1, 1e9, true,
            "env steps over which the linear schedule decays α to its final value",
            Hyperparameters::lrDecaySteps, (hp, v) -> hp.withLrDecaySteps(Math.round(v))),
    LR_DROP("--lr-drop", 0, 1, true,
            "factor α is multiplied by, once, when the mean of the last 100 returns first reaches the target",
            Hyperparameters::lrDrop, Hyperparameters::withLrDrop),
    /** A choice by index into {@link PolicyKind} (the CLI takes the names categorical, gaussian). */
    POLICY("--policy", 0, PolicyKind.values().length - 1, false,
            "the actor's distribution: categorical (π over push left / right) or gaussian (μ(s), σ(s) of a real force)",
            hp -> hp.policy().ordinal(), (hp, v) -> hp.withPolicy(PolicyKind.values()[(int) Math.round(v)])),
    INITIAL_LOG_STD("--init-log-std", GaussianPolicy.LOG_STD_MIN, GaussianPolicy.LOG_STD_MAX, false,
            "Gaussian policy: log σ a fresh network starts with (the bias of actor_log_std); 0 means σ = 1",
            Hyperparameters::initialLogStd, Hyperparameters::withInitialLogStd);

    private final String option;
    private final double min;
    private final double max;
    private final boolean live;
    private final String meaning;
    private final ToDoubleFunction<Hyperparameters> getter;
    private final BiFunction<Hyperparameters, Double, Hyperparameters> setter;

    HyperparameterSpec(String option, double min, double max, boolean live, String meaning,
            ToDoubleFunction<Hyperparameters> getter,
            BiFunction<Hyperparameters, Double, Hyperparameters> setter) {
        this.option = option;
        this.min = min;
        this.max = max;
        this.live = live;
        this.meaning = meaning;
        this.getter = getter;
        this.setter = setter;
    }

    /** This hyperparameter's value in {@code hp}. */
    public double get(Hyperparameters hp) {
        return getter.applyAsDouble(hp);
    }

    /** {@code hp} with this hyperparameter set to {@code value} (checked against the range). */
    public Hyperparameters with(Hyperparameters hp, double value) {
        return setter.apply(hp, value);
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
