package org.a2clab.train;

import java.util.List;

/**
 * A copy of the last rollout for plotting: per sample (time-major, {@code t * nEnvs + e})
 * π(right|s), V(s), n-step return R and advantage A = R − V(s); plus the frames of worker 0.
 */
public record RolloutSnapshot(long update, int nSteps, int nEnvs, float[] probRight,
        float[] values, float[] returns, float[] advantages, List<WorkerFrame> workerFrames) {
}
