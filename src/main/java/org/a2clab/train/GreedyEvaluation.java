package org.a2clab.train;

import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;

/**
 * Greedy episodes (argmax π, or a = μ(s) for a Gaussian policy) on their own CartPoles, all played at once: episode i starts from
 * the reset of a CartPole seeded {@code seed + i}, and every step evaluates all still-running
 * episodes in one batched forward, so 10 episodes cost about as much as one. No learning, no
 * randomness besides the start states, so the same network always scores the same.
 */
public final class GreedyEvaluation {
    private GreedyEvaluation() {
    }

    /** The undiscounted return of each episode. Call on the thread that owns {@code net}. */
    public static double[] returns(ActorCritic net, int episodes, long seed) {
        CartPole[] envs = new CartPole[episodes];
        float[][] obs = new float[episodes][];
        double[] returns = new double[episodes];
        boolean[] done = new boolean[episodes];
        for (int i = 0; i < episodes; i++) {
            envs[i] = new CartPole(seed + i);
            obs[i] = envs[i].reset();
        }
        int running = episodes;
        int[] index = new int[episodes];
        while (running > 0) {
            float[][] batch = new float[running][];
            for (int i = 0, k = 0; i < episodes; i++) {
                if (!done[i]) {
                    index[k] = i;
                    batch[k++] = obs[i];
                }
            }
            PolicyBatch policy = net.evaluate(batch);
            for (int k = 0; k < batch.length; k++) {
                int i = index[k];
                StepResult r = Actions.act(envs[i], policy, k, true, null).result();
                returns[i] += r.reward();
                obs[i] = r.observation();
                if (r.done()) {
                    done[i] = true;
                    running--;
                }
            }
        }
        return returns;
    }

    public static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }
}
