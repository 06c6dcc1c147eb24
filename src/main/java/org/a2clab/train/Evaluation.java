package org.a2clab.train;

import java.util.SplittableRandom;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;

/**
 * Plays whole CartPole episodes with a fixed network, no learning; a network whose outputs are
 * not finite at a state throws {@link org.a2clab.agent.NonFiniteOutputException} instead of
 * scoring what NaN happens to do. Reproducible: the start
 * states come from a CartPole seeded with {@code seed}, sampled actions from a separate stream.
 * Call on the thread that owns the network.
 */
public final class Evaluation {
    private Evaluation() {
    }

    public static EvaluationResult run(ActorCritic net, int episodes, boolean greedy, long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be ≥ 1, got " + episodes);
        }
        CartPole env = new CartPole(seed);
        SplittableRandom actionRandom = Actions.samplingStream(seed);
        double[] returns = new double[episodes];
        for (int e = 0; e < episodes; e++) {
            float[] obs = env.reset();
            double ret = 0;
            while (true) {
                PolicyBatch policy = net.evaluateFinite(new float[][] {obs});
                StepResult r = Actions.act(env, policy, 0, greedy, actionRandom).result();
                ret += r.reward();
                obs = r.observation();
                if (r.done()) {
                    break;
                }
            }
            returns[e] = ret;
        }
        return new EvaluationResult(greedy, seed, returns);
    }
}
