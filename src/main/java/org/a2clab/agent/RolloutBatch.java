package org.a2clab.agent;

/**
 * The samples of one update: {@code size} observations (row-major, {@link ActorCritic#OBSERVATION_SIZE}
 * floats each), the actions taken, their n-step (or λ-) returns R and advantages A. A categorical
 * policy's actions are in {@code actions} (0 or 1); a Gaussian policy's in {@code gaussianActions}:
 * the sampled a, unclipped (only the physics clips it), and {@code actions} may be null.
 */
public record RolloutBatch(float[] observations, int[] actions, float[] returns, float[] advantages,
        int size, float[] gaussianActions) {
    public RolloutBatch {
        if (observations.length != size * ActorCritic.OBSERVATION_SIZE
                || (actions == null ? gaussianActions == null : actions.length < size)
                || (gaussianActions != null && gaussianActions.length < size)
                || returns.length < size || advantages.length < size) {
            throw new IllegalArgumentException("a batch of " + size + " needs " + size * ActorCritic.OBSERVATION_SIZE
                    + " observation values and " + size + " actions, returns and advantages");
        }
    }

    /** A categorical policy's batch. */
    public RolloutBatch(float[] observations, int[] actions, float[] returns, float[] advantages, int size) {
        this(observations, actions, returns, advantages, size, null);
    }

    /** A Gaussian policy's batch: {@code gaussianActions} are the sampled, unclipped a. */
    public static RolloutBatch gaussian(float[] observations, float[] gaussianActions, float[] returns,
            float[] advantages, int size) {
        return new RolloutBatch(observations, null, returns, advantages, size, gaussianActions);
    }
}
