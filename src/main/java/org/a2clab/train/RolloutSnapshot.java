package org.a2clab.train;

import java.util.List;
import org.a2clab.agent.PolicyKind;

/**
 * A copy of the last rollout for plotting: per sample (time-major, {@code t * nEnvs + e})
 * π(right|s) (for a Gaussian policy P(a > 0)), V(s), n-step return R and advantage A = R − V(s);
 * plus the frames of worker 0. A Gaussian policy's rollout also carries μ(s) and σ(s) per sample
 * in {@code means} and {@code stds}; they are null for a categorical one.
 */
public record RolloutSnapshot(long update, int nSteps, int nEnvs, float[] probRight,
        float[] values, float[] returns, float[] advantages, List<WorkerFrame> workerFrames,
        float[] means, float[] stds, PolicyKind policy) {

    /** A categorical policy's snapshot. */
    public RolloutSnapshot(long update, int nSteps, int nEnvs, float[] probRight, float[] values,
            float[] returns, float[] advantages, List<WorkerFrame> workerFrames) {
        this(update, nSteps, nEnvs, probRight, values, returns, advantages, workerFrames, null, null,
                PolicyKind.CATEGORICAL);
    }
}
