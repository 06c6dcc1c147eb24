package org.a2clab.train;

/**
 * One step of the rendered worker as it happened during training: the exact state before the
 * step, what the policy said, the action sampled and the outcome.
 */
public record WorkerFrame(double[] state, float probRight, float value, int action, float reward,
        boolean terminated, boolean truncated, int episodeStep) {
}
