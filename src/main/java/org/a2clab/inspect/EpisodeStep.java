package org.a2clab.inspect;

/**
 * One step as played, before the derived numbers (returns, advantages, TD errors) are known:
 * the exact state acted in, its observation, π(·|s), V(s), the action and the outcome.
 * {@code perturbed}: the state was pushed by the user just before this step.
 */
public record EpisodeStep(double[] state, float[] observation, float probLeft, float probRight,
        float value, int action, float reward, boolean terminated, boolean truncated,
        boolean perturbed) {
}
