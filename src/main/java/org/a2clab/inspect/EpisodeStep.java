package org.a2clab.inspect;

import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyKind;

/**
 * One step as played, before the derived numbers (returns, advantages, TD errors) are known:
 * the exact state acted in, its observation, π(·|s), V(s), the action and the outcome.
 * {@code perturbed}: the state was pushed by the user just before this step. {@code gaussian}:
 * a Gaussian policy's μ, σ, sampled a, force and log π(a|s), null for a categorical policy (see
 * {@link EpisodeFrame} for what probLeft, probRight and action then mean).
 */
public record EpisodeStep(double[] state, float[] observation, float probLeft, float probRight,
        float value, int action, float reward, boolean terminated, boolean truncated,
        boolean perturbed, GaussianAction gaussian) {

    /** A categorical policy's step. */
    public EpisodeStep(double[] state, float[] observation, float probLeft, float probRight,
            float value, int action, float reward, boolean terminated, boolean truncated,
            boolean perturbed) {
        this(state, observation, probLeft, probRight, value, action, reward, terminated, truncated, perturbed, null);
    }

    /** The kind of policy that took this step: a step records Gaussian details exactly when Gaussian. */
    public PolicyKind policy() {
        return gaussian == null ? PolicyKind.CATEGORICAL : PolicyKind.GAUSSIAN;
    }
}
