package org.a2clab.train;

import java.util.List;
import org.a2clab.agent.PolicyKind;

/**
 * A copy of the last rollout for plotting: per sample (time-major, {@code t * nEnvs + e})
 * π(right|s) (for a Gaussian policy P(a > 0)), V(s), n-step return R and advantage A = R − V(s);
 * plus the frames of worker 0. A Gaussian policy's rollout also carries μ(s), σ(s) and the sampled
 * a per sample in {@code means}, {@code stds} and {@code gaussianActions}; they are null for a
 * categorical one.
 */
public record RolloutSnapshot(long update, int nSteps, int nEnvs, float[] probRight,
        float[] values, float[] returns, float[] advantages, List<WorkerFrame> workerFrames,
        float[] means, float[] stds, float[] gaussianActions) {

    /** A categorical policy's snapshot. */
    public RolloutSnapshot(long update, int nSteps, int nEnvs, float[] probRight, float[] values,
            float[] returns, float[] advantages, List<WorkerFrame> workerFrames) {
        this(update, nSteps, nEnvs, probRight, values, returns, advantages, workerFrames, null, null, null);
    }

    public PolicyKind policy() {
        return means == null ? PolicyKind.CATEGORICAL : PolicyKind.GAUSSIAN;
    }
}
