package org.a2clab.agent;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;

/**
 * One A2C gradient step on a rollout batch: the loss of the A3C paper, backward, global-norm
 * clipping (as SB3 and CleanRL clip, not per value), then the optimizer. The learning rate is read
 * at every step so it can change while training runs.
 */
public final class A2cUpdate {
    private final ActorCritic net;
    private final HostOptimizer optimizer;
    private final List<NDArray> parameters;
    private final float[][] weights;
    private final float[][] grads;
    private volatile float learningRate;

    public A2cUpdate(ActorCritic net, OptimizerKind kind, float learningRate) {
        this.net = net;
        this.learningRate = learningRate;
        this.parameters = net.parameterArrays();
        int[] sizes = new int[parameters.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = (int) parameters.get(i).size();
            parameters.get(i).setRequiresGradient(true);
        }
        this.optimizer = new HostOptimizer(kind, sizes);
        this.weights = new float[sizes.length][];
        this.grads = new float[sizes.length][];
    }

    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    public float learningRate() {
        return learningRate;
    }

    /**
     * Computes the loss on {@code batch} samples and, if it and its gradient are finite, applies
     * one optimizer step. A non-finite loss or gradient leaves the parameters untouched.
     */
    public LossTerms step(float[] observations, int[] actions, float[] returns,
            float[] advantages, int batch, float valueCoef, float entropyCoef, float maxGradNorm) {
        LossTerms loss = lossAndGradients(observations, actions, returns, advantages, batch,
                valueCoef, entropyCoef);
        if (!loss.isFinite()) {
            return loss;
        }
        // optimize: clip the global gradient norm, step, write the weights back
        double scale = loss.gradNorm() > maxGradNorm ? maxGradNorm / (loss.gradNorm() + 1e-6) : 1.0;
        for (int i = 0; i < parameters.size(); i++) {
            weights[i] = parameters.get(i).toFloatArray();
        }
        optimizer.step(weights, grads, scale, learningRate);
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).set(weights[i]);
        }
        net.parametersChanged();
        return loss;
    }

    /**
     * The loss and, if it is finite, its gradient (left in {@link #gradients()}, unclipped),
     * without changing the parameters.
     */
    public LossTerms lossAndGradients(float[] observations, int[] actions, float[] returns,
            float[] advantages, int batch, float valueCoef, float entropyCoef) {
        // The advantage comes from the rollout's values: a constant, so it is folded into a
        // per-sample, per-action weight here and no gradient flows from it into the critic.
        float[] policyWeights = new float[batch * ActorCritic.ACTIONS];
        for (int i = 0; i < batch; i++) {
            policyWeights[i * ActorCritic.ACTIONS + actions[i]] = -advantages[i] / batch;
        }
        double policyLoss;
        double valueLoss;
        double entropy;
        double total;
        try (NDManager scope = net.manager().newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray obs = scope.create(observations, new Shape(batch, ActorCritic.OBSERVATION_SIZE));
            NDArray weightsOfTaken = scope.create(policyWeights, new Shape(batch, ActorCritic.ACTIONS));
            NDArray nStepReturns = scope.create(returns);

            NDList out = net.forward(obs);
            NDArray logProbs = out.get(0).logSoftmax(1);
            NDArray values = out.get(1);

            // policy loss: −mean(A · log π(a|s))
            NDArray policyTerm = logProbs.mul(weightsOfTaken).sum();
            // value loss: mean((R − V(s))²)
            NDArray valueTerm = nStepReturns.sub(values).square().mean();
            // entropy bonus: H = −Σ π log π, subtracted so that minimising keeps π spread out
            NDArray negEntropy = logProbs.exp().mul(logProbs).sum().div(batch);
            NDArray loss = policyTerm.add(valueTerm.mul(valueCoef)).add(negEntropy.mul(entropyCoef));

            policyLoss = policyTerm.getFloat();
            valueLoss = valueTerm.getFloat();
            entropy = -negEntropy.getFloat();
            total = loss.getFloat();
            if (!Double.isFinite(total)) {
                return new LossTerms(policyLoss, valueLoss, entropy, total, Double.NaN);
            }
            collector.backward(loss);
        }

        double sumSquares = 0;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            try (NDArray grad = p.getGradient()) {
                grads[i] = grad.toFloatArray();
            }
            JniUtils.zeroGrad((PtNDArray) p);
            for (float g : grads[i]) {
                sumSquares += (double) g * g;
            }
        }
        return new LossTerms(policyLoss, valueLoss, entropy, total, Math.sqrt(sumSquares));
    }

    /** Gradients of the last {@link #lossAndGradients}, per parameter in ActorCritic order. */
    public float[][] gradients() {
        return grads.clone();
    }
}
