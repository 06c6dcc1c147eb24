package org.a2clab.train;

import java.util.SplittableRandom;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.PolicyKind;
import org.a2clab.env.Environment;
import org.a2clab.env.StepResult;

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

    /**
     * Samples a ~ N(μ, σ²) from one standard normal draw of {@code random}, rounded to float: the
     * environment, the recorded frame and the loss then all see the same a.
     */
    public static float sampleGaussian(float mean, float std, SplittableRandom random) {
        return (float) (mean + std * random.nextGaussian());
    }

    /** The direction two-action views show for a Gaussian step: 1 when the force pushes right. */
    public static int direction(double force) {
        return force > 0 ? 1 : 0;
    }

    /**
     * Acts in {@code env} with row {@code row} of {@code policy}: greedy (argmax π, or a = μ for a
     * Gaussian policy) or sampled from π with {@code random}.
     */
    public static PolicyStep act(Environment env, PolicyBatch policy, int row, boolean greedy,
            SplittableRandom random) {
        if (policy.kind() == PolicyKind.CATEGORICAL) {
            int action = greedy ? greedy(policy.probLeft(row), policy.probRight(row))
                    : sample(policy.probRight(row), random);
            return new PolicyStep(action, null, env.step(action));
        }
        float mean = policy.mean(row);
        float std = policy.std(row);
        float a = greedy ? mean : sampleGaussian(mean, std, random);
        GaussianAction g = GaussianAction.of(mean, std, a);
        StepResult r = env.stepContinuous(a);
        return new PolicyStep(direction(g.force()), g, r);
    }
}
