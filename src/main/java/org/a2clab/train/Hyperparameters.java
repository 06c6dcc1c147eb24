package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;

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
 * @param learningRate optimizer step size. Applies live.
 * @param entropyCoef  β, weight of the entropy bonus that keeps π from collapsing early. Live.
 * @param gamma        γ, discount per step. Live.
 * @param valueCoef    c, weight of the critic's squared error in the shared loss. Live.
 * @param maxGradNorm  the global gradient norm is clipped to this. Live.
 * @param hiddenSize   units in each of the two shared hidden layers. Applies on retrain.
 * @param optimizer    Adam or RMSprop. Applies on retrain.
 * @param seed         seeds the network initialisation, the environments and action sampling.
 * @param device       auto, cpu or gpu. Applies on retrain.
 */
public record Hyperparameters(int nSteps, int numEnvs, double learningRate, double entropyCoef,
        double gamma, double valueCoef, double maxGradNorm, int hiddenSize, OptimizerKind optimizer,
        long seed, DeviceChoice device) {

    public static final Hyperparameters DEFAULTS = new Hyperparameters(
            5, 16, 3e-3, 0.0, 0.98, 0.15, 2.0, 128, OptimizerKind.RMSPROP, 1, DeviceChoice.AUTO);

    public Hyperparameters {
        HyperparameterSpec.N_STEPS.check(nSteps);
        HyperparameterSpec.NUM_ENVS.check(numEnvs);
        HyperparameterSpec.LEARNING_RATE.check(learningRate);
        HyperparameterSpec.ENTROPY_COEF.check(entropyCoef);
        HyperparameterSpec.GAMMA.check(gamma);
        HyperparameterSpec.VALUE_COEF.check(valueCoef);
        HyperparameterSpec.MAX_GRAD_NORM.check(maxGradNorm);
        HyperparameterSpec.HIDDEN_SIZE.check(hiddenSize);
        if (optimizer == null || device == null) {
            throw new IllegalArgumentException("optimizer and device must be set");
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

    /** {@code this} with the live-applicable fields of {@code edited}; the rest stay as they are. */
    public Hyperparameters withLiveFieldsOf(Hyperparameters edited) {
        Hyperparameters out = this;
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            if (spec.appliesLive()) {
                out = spec.with(out, spec.get(edited));
            }
        }
        return out;
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
        return new Hyperparameters(v, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withNumEnvs(int v) {
        return new Hyperparameters(nSteps, v, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withLearningRate(double v) {
        return new Hyperparameters(nSteps, numEnvs, v, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withEntropyCoef(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, v, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withGamma(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, v, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withValueCoef(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, v, maxGradNorm, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withMaxGradNorm(double v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, v, hiddenSize, optimizer, seed, device);
    }

    public Hyperparameters withHiddenSize(int v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, v, optimizer, seed, device);
    }

    public Hyperparameters withOptimizer(OptimizerKind v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, v, seed, device);
    }

    public Hyperparameters withSeed(long v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, v, device);
    }

    public Hyperparameters withDevice(DeviceChoice v) {
        return new Hyperparameters(nSteps, numEnvs, learningRate, entropyCoef, gamma, valueCoef, maxGradNorm, hiddenSize, optimizer, seed, v);
    }
}
