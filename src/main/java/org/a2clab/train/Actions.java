package org.a2clab.train;

import java.util.SplittableRandom;
import org.a2clab.agent.ActionDistribution;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.Environment;

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

    /**
     * Acts in {@code env} with row {@code row} of {@code policy}: greedy (argmax π, or a = μ for a
     * Gaussian policy) or sampled from π with {@code random}.
     */
    public static PolicyStep act(Environment env, PolicyBatch policy, int row, boolean greedy,
            SplittableRandom random) {
        ActionDistribution d = policy.distribution();
        float a = greedy ? d.greedy(policy.actor(), row) : d.sample(policy.actor(), row, random);
        GaussianAction details = d.details(policy.actor(), row, a);
        return new PolicyStep(d.direction(a), details, d.step(env, a));
    }
}
