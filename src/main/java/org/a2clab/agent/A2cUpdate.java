package org.a2clab.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;

/**
 * One A2C gradient step on a rollout batch: the loss of the A3C paper, backward, global-norm
 * clipping (as SB3 and CleanRL clip, not per value), then the optimizer. The learning rate is read
 * at every step so it can change while training runs.
 */
public final class A2cUpdate {
    private final ActorCritic net;
    private final Optimizer optimizer;
    private final List<NDArray> parameters;
    private volatile float learningRate;

    public A2cUpdate(ActorCritic net, OptimizerKind kind, float learningRate) {
        this.net = net;
        this.learningRate = learningRate;
        Tracker liveRate = numUpdate -> this.learningRate;
        this.optimizer = kind == OptimizerKind.ADAM
                ? Optimizer.adam().optLearningRateTracker(liveRate).build()
                // SB3's A2C defaults: α = 0.99, ε = 1e-5.
                : Optimizer.rmsprop().optLearningRateTracker(liveRate).optRho(0.99f)
                        .optEpsilon(1e-5f).optCentered(false).build();
        this.parameters = net.parameterArrays();
        for (NDArray p : parameters) {
            p.setRequiresGradient(true);
        }
    }

    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    public float learningRate() {
        return learningRate;
    }

    /**
     * Computes the loss on {@code batch} samples and, if it and its gradient are finite, applies
     * one optimizer step. A non-finite loss leaves the parameters untouched.
     */
    public LossTerms step(float[] observations, int[] actions, float[] returns,
            float[] advantages, int batch, float valueCoef, float entropyCoef, float maxGradNorm) {
        try (NDManager scope = net.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray obs = scope.create(observations, new Shape(batch, ActorCritic.OBSERVATION_SIZE));
            NDArray actionMask = scope.create(actions).oneHot(ActorCritic.ACTIONS);
            NDArray nStepReturns = scope.create(returns);
            // The advantage comes from the rollout's values: a constant, no gradient into the critic.
            NDArray adv = scope.create(advantages);

            NDList out = net.forward(obs, true);
            NDArray logits = out.get(0);
            NDArray values = out.get(1);
            NDArray logProbs = logits.logSoftmax(1);

            // policy loss: −A·log π(a|s)
            NDArray logProbTaken = logProbs.mul(actionMask).sum(new int[] {1});
            NDArray policyLoss = logProbTaken.mul(adv).mean().neg();
            // value loss: (R − V(s))²
            NDArray valueLoss = nStepReturns.sub(values).square().mean();
            // entropy bonus: H(π) = −Σ π log π, subtracted so that minimising keeps π spread out
            NDArray entropy = logProbs.exp().mul(logProbs).sum(new int[] {1}).mean().neg();
            NDArray loss = policyLoss.add(valueLoss.mul(valueCoef)).sub(entropy.mul(entropyCoef));

            double total = loss.getFloat();
            double pl = policyLoss.getFloat();
            double vl = valueLoss.getFloat();
            double h = entropy.getFloat();
            if (!Double.isFinite(total)) {
                return new LossTerms(pl, vl, h, total, Double.NaN);
            }

            // optimize: backward, clip the global gradient norm, step
            collector.backward(loss);
            double gradNorm = clipGlobalNorm(maxGradNorm);
            if (Double.isFinite(gradNorm)) {
                for (int i = 0; i < parameters.size(); i++) {
                    NDArray p = parameters.get(i);
                    try (NDArray grad = p.getGradient()) {
                        optimizer.update(Integer.toString(i), p, grad);
                    }
                }
            }
            zeroGradients();
            return new LossTerms(pl, vl, h, total, gradNorm);
        }
    }

    /** Scales all gradients together so their joint L2 norm is at most maxNorm; returns the norm before. */
    private double clipGlobalNorm(float maxNorm) {
        double sumSquares = 0;
        for (NDArray p : parameters) {
            try (NDArray grad = p.getGradient()) {
                for (float g : grad.toFloatArray()) {
                    sumSquares += (double) g * g;
                }
            }
        }
        double norm = Math.sqrt(sumSquares);
        if (Double.isFinite(norm) && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray p : parameters) {
                try (NDArray grad = p.getGradient()) {
                    grad.muli(scale);
                }
            }
        }
        return norm;
    }

    /** Gradients accumulate in libtorch; zero them in place (even NaN ones) for the next step. */
    private void zeroGradients() {
        for (NDArray p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p);
        }
    }
}
