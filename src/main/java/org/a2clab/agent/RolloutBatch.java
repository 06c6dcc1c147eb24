package org.a2clab.agent;

/**
 * The samples of one update: {@code size} observations (row-major, {@link ActorCritic#OBSERVATION_SIZE}
 * floats each), the actions taken, their n-step (or λ-) returns R and advantages A. An action is
 * what the policy's {@link ActionDistribution} sampled: 0 or 1 for a categorical policy, the
 * unclipped a (only the physics clips it) for a Gaussian one.
 */
public record RolloutBatch(float[] observations, float[] actions, float[] returns, float[] advantages, int size) {
    public RolloutBatch {
        if (observations.length != size * ActorCritic.OBSERVATION_SIZE || actions.length < size
                || returns.length < size || advantages.length < size) {
            throw new IllegalArgumentException("a batch of " + size + " needs " + size * ActorCritic.OBSERVATION_SIZE
                    + " observation values and " + size + " actions, returns and advantages");
        }
    }
}
