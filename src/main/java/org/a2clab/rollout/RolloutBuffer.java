package org.a2clab.rollout;

import org.a2clab.env.CartPole;

/**
 * One synchronous rollout: nSteps transitions from each of nEnvs workers, stored time-major in
 * flat arrays (index {@code t * nEnvs + e}) so the update can hand them to the network in one
 * batch. Returns (n-step or λ-returns) and advantages are filled by
 * {@link #computeReturnsAndAdvantages}. Every policy's steps go in through {@link #addPolicyStep}:
 * the action as its distribution sampled it (0 or 1, or a real a, unclipped) and the actor's two
 * outputs per sample (π(left), π(right), or μ(s), σ(s)).
 */
public final class RolloutBuffer {
    public static final int OBSERVATION_SIZE = CartPole.OBSERVATION_SIZE;
    /** The actor's outputs per sample (two probabilities, or μ and σ). */
    public static final int ACTOR_OUTPUTS = 2;

    private final int nSteps;
    private final int nEnvs;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] values;
    private final float[] probRight;
    /** The actor's outputs, {@link #ACTOR_OUTPUTS} per sample. */
    private final float[] actor;
    private final boolean[] terminated;
    private final boolean[] truncated;
    /** V(final observation) for truncated steps, used to bootstrap past the time limit. */
    private final float[] truncationValues;
    private final float[] lastValues;
    private final float[] returns;
    private final float[] advantages;
    private int step;

    public RolloutBuffer(int nSteps, int nEnvs) {
        this.nSteps = nSteps;
        this.nEnvs = nEnvs;
        int n = nSteps * nEnvs;
        observations = new float[n * OBSERVATION_SIZE];
        actions = new float[n];
        rewards = new float[n];
        values = new float[n];
        probRight = new float[n];
        actor = new float[n * ACTOR_OUTPUTS];
        terminated = new boolean[n];
        truncated = new boolean[n];
        truncationValues = new float[n];
        lastValues = new float[nEnvs];
        returns = new float[n];
        advantages = new float[n];
    }

    /** Starts filling a new rollout. */
    public void clear() {
        step = 0;
        java.util.Arrays.fill(truncationValues, 0f);
    }

    public boolean isFull() {
        return step == nSteps;
    }

    public int step() {
        return step;
    }

    /**
     * Records the observation each worker acted on and what the policy said about it: the action
     * taken, the actor's outputs (row e of {@code actorRows}), π(right|s) (for a Gaussian policy
     * P(a > 0)) and V(s).
     */
    public void addPolicyStep(float[][] obs, float[] action, float[] actorRows, float[] pRight, float[] value) {
        for (int e = 0; e < nEnvs; e++) {
            int i = step * nEnvs + e;
            System.arraycopy(obs[e], 0, observations, i * OBSERVATION_SIZE, OBSERVATION_SIZE);
            System.arraycopy(actorRows, e * ACTOR_OUTPUTS, actor, i * ACTOR_OUTPUTS, ACTOR_OUTPUTS);
            actions[i] = action[e];
            probRight[i] = pRight[e];
            values[i] = value[e];
        }
    }

    /** Records what env answered to this step's action; {@link #advance()} moves to the next step. */
    public void addOutcome(int env, float reward, boolean term, boolean trunc) {
        int i = step * nEnvs + env;
        rewards[i] = reward;
        terminated[i] = term;
        truncated[i] = trunc;
    }

    /** V(final observation) of env's episode that was truncated on the current step. */
    public void setTruncationValue(int env, float value) {
        truncationValues[step * nEnvs + env] = value;
    }

    public void advance() {
        step++;
    }

    /** Fills n-step returns and advantages; {@code lastValues} = V(s_{t+n}) per worker. */
    public void computeReturnsAndAdvantages(float[] bootstrapValues, double gamma) {
        computeReturnsAndAdvantages(bootstrapValues, gamma, 1.0);
    }

    /**
     * Fills λ-returns and GAE advantages (λ = 1: the n-step returns, bit for bit);
     * {@code bootstrapValues} = V(s_{t+n}) per worker.
     */
    public void computeReturnsAndAdvantages(float[] bootstrapValues, double gamma, double lambda) {
        System.arraycopy(bootstrapValues, 0, lastValues, 0, nEnvs);
        Gae.compute(rewards, values, terminated, truncated, truncationValues,
                lastValues, nSteps, nEnvs, gamma, lambda, returns, advantages);
    }

    public int nSteps() {
        return nSteps;
    }

    public int nEnvs() {
        return nEnvs;
    }

    public int size() {
        return nSteps * nEnvs;
    }

    public float[] observations() {
        return observations;
    }

    /** The actions taken, as the policy's distribution sampled them. */
    public float[] actions() {
        return actions;
    }

    public float[] rewards() {
        return rewards;
    }

    public float[] values() {
        return values;
    }

    public float[] probRight() {
        return probRight;
    }

    /** The actor's outputs, {@link #ACTOR_OUTPUTS} per sample, in sample order. */
    public float[] actor() {
        return actor;
    }

    public boolean[] terminated() {
        return terminated;
    }

    public boolean[] truncated() {
        return truncated;
    }

    public float[] returns() {
        return returns;
    }

    public float[] advantages() {
        return advantages;
    }
}
