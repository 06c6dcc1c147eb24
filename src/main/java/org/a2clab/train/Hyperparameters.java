package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;

/**
 * Every A2C hyperparameter, documented once, with its default and valid range (see
 * {@link HyperparameterSpec}). Immutable: the UI swaps a whole record; the training loop reads
 * the live-applicable fields at its next update.
 *
 * @param nSteps       n in the n-step return: steps each worker takes per update. Small n leans on
 *                     the critic (low variance, more bias); large n on real rewards (less bias, more
 *                     variance). Applies on retrain.
 * @param numEnvs      parallel workers (CartPoles) stepped together; the batch is nSteps × numEnvs.
 *                     Applies on retrain.
 * @param learningRate optimizer step size α (the start value of a schedule). Applies live.
 * @param entropyCoef  β, weight of the entropy bonus that keeps π from collapsing early. Live.
 * @param gamma        γ, discount per step. Live.
 * @param valueCoef    c, weight of the critic's squared error in the shared loss. Live.
 * @param maxGradNorm  the global gradient norm is clipped to this. Live.
 * @param hiddenSize   units in each of the two shared hidden layers. Applies on retrain.
 * @param optimizer    Adam or RMSprop. Applies on retrain.
 * @param seed         seeds the network initialisation, the environments and action sampling.
 * @param device       auto, cpu or gpu. Applies on retrain.
 * @param gaeLambda    λ of generalized advantage estimation (Schulman et al. 2016); 1 is the plain
 *                     n-step return, 0 the one-step TD error. Default 0.9. Live.
 * @param normalizeAdvantage scale each batch's advantages to mean 0, std 1 before the policy loss
 *                     (as SB3's {@code normalize_advantage}). Default on. Live.
 * @param lrSchedule   constant, linear or drop-on-solve (see {@link LrSchedule}). Default constant. Live.
 * @param lrFinal      α at the end of the linear schedule. Default 0. Live.
 * @param lrDecaySteps env steps the linear schedule takes to reach lrFinal (the CLI uses
 *                     --max-steps). Default 1,000,000. Live.
 * @param lrDrop       factor of drop-on-solve. Default 0.1. Live.
 * @param policy       categorical (two logits, pushes of ∓10 N) or gaussian (μ(s), log σ(s), a real
 *                     action a and a force of 10 N × clip(a, −1, 1)). Default categorical. Applies
 *                     on retrain: the network's heads differ.
 * @param initialLogStd the bias {@code actor_log_std} starts with, so a fresh Gaussian policy
 *                     explores with σ ≈ exp(initialLogStd); within [log_std_min, log_std_max] =
 *                     [−5, 2]. Ignored by a categorical policy. Default 0.5 in {@link #GAUSSIAN_DEFAULTS}
 *                     (σ ≈ 1.65). Applies on retrain.
 * @param learningRateDerived α was not set by hand but derived from workers × n by the policy's
 *                     {@link BatchScaledLearningRate} ({@link #withDerivedLearningRate()}). Setting α by
 *                     hand clears it, and so does a change of workers, n or policy that leaves α off
 *                     the rule. Bundles and runs written before it existed read as false (their α
 *                     was fixed).
 */
public record Hyperparameters(int nSteps, int numEnvs, double learningRate, double entropyCoef,
        double gamma, double valueCoef, double maxGradNorm, int hiddenSize, OptimizerKind optimizer,
        long seed, DeviceChoice device, double gaeLambda, boolean normalizeAdvantage,
        LrSchedule lrSchedule, double lrFinal, long lrDecaySteps, double lrDrop, PolicyKind policy,
        double initialLogStd, boolean learningRateDerived) {

    /**
     * The initial log σ in {@link #DEFAULTS} (a categorical policy ignores it) and of bundles written
     * before the option existed: σ = 1. {@link #GAUSSIAN_DEFAULTS} start wider.
     */
    public static final double DEFAULT_INITIAL_LOG_STD = 0.0;

    /** α derived from 16 workers × 5 steps, the base of {@link BatchScaledLearningRate#CATEGORICAL}: 0.0025. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(
            5, 16, 2.5e-3, 0.0, 0.98, 0.15, 2.0, 128, OptimizerKind.RMSPROP, 1, DeviceChoice.AUTO,
            0.9, true, LrSchedule.CONSTANT, 0.0, 1_000_000, 0.1, PolicyKind.CATEGORICAL, DEFAULT_INITIAL_LOG_STD,
            false).withDerivedLearningRate();

    /**
     * Defaults of the Gaussian policy: the categorical defaults with α 0.002, an entropy bonus
     * β 0.01 and an initial log σ of 0.5 (σ ≈ 1.65). Chosen by a sweep on seeds 1–10 (README,
     * "Gaussian defaults over seeds"): all ten solved within 1M env steps (median 99k) and the
     * best/ network acting with μ scored ≥ 475 over 20 episodes on all ten. At β 0 σ collapses to
     * its floor and μ runs to one side; at β 0.003 three seeds ran out of budget, at β 0.02 one
     * collapsed; σ 1 at the start (log σ 0) solved later (median 152k). α is derived from the
     * batch where the Gaussian policy has a {@link BatchScaledLearningRate}, else fixed at 0.002.
     */
    public static final Hyperparameters GAUSSIAN_DEFAULTS = DEFAULTS.withPolicy(PolicyKind.GAUSSIAN)
            .withLearningRate(2e-3).withEntropyCoef(0.01).withInitialLogStd(0.5).withDerivedLearningRate();

    /** The defaults of a policy kind: {@link #DEFAULTS} or {@link #GAUSSIAN_DEFAULTS}. */
    public static Hyperparameters defaultsFor(PolicyKind policy) {
        return policy == PolicyKind.GAUSSIAN ? GAUSSIAN_DEFAULTS : DEFAULTS;
    }

    public Hyperparameters {
        HyperparameterSpec.N_STEPS.check(nSteps);
        HyperparameterSpec.NUM_ENVS.check(numEnvs);
        HyperparameterSpec.LEARNING_RATE.check(learningRate);
        HyperparameterSpec.ENTROPY_COEF.check(entropyCoef);
        HyperparameterSpec.GAMMA.check(gamma);
        HyperparameterSpec.VALUE_COEF.check(valueCoef);
        HyperparameterSpec.MAX_GRAD_NORM.check(maxGradNorm);
        HyperparameterSpec.HIDDEN_SIZE.check(hiddenSize);
        HyperparameterSpec.GAE_LAMBDA.check(gaeLambda);
        HyperparameterSpec.LR_FINAL.check(lrFinal);
        HyperparameterSpec.LR_DECAY_STEPS.check(lrDecaySteps);
        HyperparameterSpec.LR_DROP.check(lrDrop);
        HyperparameterSpec.INITIAL_LOG_STD.check(initialLogStd);
        if (optimizer == null || device == null || lrSchedule == null || policy == null) {
            throw new IllegalArgumentException("optimizer, device, lr schedule and policy must be set");
        }
    }

    /**
     * Throws unless going from {@code this} to {@code next} changes only fields that apply live
     * ({@link HyperparameterSpec#appliesLive()}).
     */
    public void checkLiveChange(Hyperparameters next) {
        if (needsRestartFor(next)) {
            throw new IllegalArgumentException("only " + String.join(", ", liveOptions())
                    + " apply while training; the other hyperparameters apply on retrain");
        }
    }

    /** True when going from {@code this} to {@code next} needs a fresh network (retrain). */
    public boolean needsRestartFor(Hyperparameters next) {
        return !withLiveFieldsOf(next).equals(next);
    }

    /**
     * {@code this} with the live-applicable fields of {@code edited}; the rest stay as they are. An α
     * derived in {@code edited} is derived again from this batch: α that follows 8 workers does not
     * belong to a network still training with 16.
     */
    public Hyperparameters withLiveFieldsOf(Hyperparameters edited) {
        Hyperparameters out = this;
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            if (spec.appliesLive()) {
                out = spec.with(out, spec.get(edited));
            }
        }
        return edited.learningRateDerived() ? out.withDerivedLearningRate() : out;
    }

    /** α derived from workers × n by this policy's {@link BatchScaledLearningRate}, marked derived. */
    public Hyperparameters withDerivedLearningRate() {
        return withLearningRate(BatchScaledLearningRate.forPolicy(policy).learningRate(numEnvs, nSteps), true);
    }

    /**
     * After a change of workers, n or policy α keeps its value (so a caller that sets only workers
     * changes only workers); it stays marked derived only where the rule gives that same value. The
     * app and the CLI derive α again explicitly ({@link #withDerivedLearningRate()}).
     */
    private Hyperparameters keepLearningRate() {
        boolean stillDerived = learningRateDerived
                && BatchScaledLearningRate.forPolicy(policy).learningRate(numEnvs, nSteps) == learningRate;
        return stillDerived == learningRateDerived ? this : withLearningRate(learningRate, false);
    }

    private static List<String> liveOptions() {
        List<String> out = new ArrayList<>();
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            if (spec.appliesLive()) {
                out.add(spec.option());
            }
        }
        return out;
    }

    public Hyperparameters withNSteps(int v) {
        return new Hyperparameters(v, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived).keepLearningRate();
    }

    public Hyperparameters withNumEnvs(int v) {
        return new Hyperparameters(nSteps, v, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived).keepLearningRate();
    }

    /** α set by hand: it no longer follows the batch. */
    public Hyperparameters withLearningRate(double v) {
        return withLearningRate(v, false);
    }

    private Hyperparameters withLearningRate(double v, boolean derived) {
        return new Hyperparameters(nSteps, numEnvs, v, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, derived);
    }

    public Hyperparameters withEntropyCoef(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, v, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withGamma(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, v, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withValueCoef(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, v, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withMaxGradNorm(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, v, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withHiddenSize(int v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, v, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withOptimizer(OptimizerKind v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, v, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withSeed(long v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, v, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withDevice(DeviceChoice v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, v, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withGaeLambda(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, v, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withNormalizeAdvantage(boolean v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, v, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withLrSchedule(LrSchedule v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, v, lrFinal, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withLrFinal(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, v, lrDecaySteps, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withLrDecaySteps(long v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, v, lrDrop, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withLrDrop(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, v, policy, initialLogStd, learningRateDerived);
    }

    public Hyperparameters withPolicy(PolicyKind v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, v, initialLogStd, learningRateDerived).keepLearningRate();
    }

    public Hyperparameters withInitialLogStd(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device, gaeLambda, normalizeAdvantage, lrSchedule, lrFinal, lrDecaySteps, lrDrop, policy, v, learningRateDerived);
    }
}
