package org.a2clab.train;

import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyKind;
import org.a2clab.agent.StepView;

/**
 * One step of the rendered worker as it happened during training: the exact state before the
 * step, what the policy said, the action taken and the outcome.
 *
 * <p>For a categorical policy {@code gaussian} is null, {@code action} is 0 (push left) or 1 (push
 * right) and {@code probRight} is π(right|s). For a Gaussian policy {@code gaussian} holds μ(s),
 * σ(s), the sampled a, the applied force and log π(a|s); {@code action} is the direction of the
 * applied force (1 when it pushes right, else 0) and {@code probRight} is P(a > 0) = Φ(μ/σ), so
 * views written for two actions keep their meaning.
 */
public record WorkerFrame(double[] state, float probRight, float value, int action, float reward,
        boolean terminated, boolean truncated, int episodeStep, GaussianAction gaussian) {

    /** A categorical policy's frame. */
    public WorkerFrame(double[] state, float probRight, float value, int action, float reward,
            boolean terminated, boolean truncated, int episodeStep) {
        this(state, probRight, value, action, reward, terminated, truncated, episodeStep, null);
    }

    public PolicyKind policy() {
        return gaussian == null ? PolicyKind.CATEGORICAL : PolicyKind.GAUSSIAN;
    }

    /** What {@code view} makes of this step, as the policy's distribution chooses. */
    public <T> T view(StepView<T> view) {
        return policy().distribution().view(view, action, action == 1 ? probRight : 1 - probRight, gaussian);
    }
}
