package org.a2clab.train;

import java.util.SplittableRandom;

/**
 * How actions are chosen from π(·|s), in one place, so that training, evaluation and the
 * inspector agree: the same seed gives the same sampled actions everywhere.
 */
public final class Actions {
    private Actions() {
    }

    /** The action-sampling stream of a seed, distinct from the environments' reset stream. */
    public static SplittableRandom samplingStream(long seed) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    /** Samples a ~ π(·|s): 1 (push right) with probability π(right|s). */
    public static int sample(float probRight, SplittableRandom random) {
        return random.nextDouble() < probRight ? 1 : 0;
    }

    /** The most probable action; a tie goes left. */
    public static int greedy(float probLeft, float probRight) {
        return probRight > probLeft ? 1 : 0;
    }
}
