package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.env.ScriptedEnv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A2C end to end through scripted environments and a hand-set critic, as Stable-Baselines3's
 * test_gae.py does: the returns and advantages of one real rollout against values worked out by
 * hand, across a truncation inside the rollout, a truncation on its last step, and terminations.
 */
class A2cScriptedEnvTest {
    private static final double GAMMA = 0.9;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /** V(s) = 2 + x for the scripted observations (x ≥ 0), π = (½, ½) everywhere. */
    private static float v(int elapsedSteps) {
        return 2 + ScriptedEnv.x(elapsedSteps);
    }

    @Test
    void returnsAndAdvantagesOfOneRolloutMatchTheHandOracle() {
        // λ = 1: the plain n-step returns the oracle below works out
        Hyperparameters hp = Hyperparameters.DEFAULTS.withGaeLambda(1).withNSteps(5).withNumEnvs(3).withHiddenSize(4)
                .withGamma(GAMMA).withDevice(DeviceChoice.CPU);
        ActorCritic net = new ActorCritic(4, 0, Device.cpu());
        setLinearCritic(net);
        try (A2c a2c = new A2c(hp, net, ScriptedEnv.vector(
                ScriptedEnv.truncatedAfter(3),    // truncated at t = 2, inside the rollout
                ScriptedEnv.truncatedAfter(5),    // truncated at t = 4, the rollout's last step
                ScriptedEnv.terminatedAfter(2)))) { // terminated at t = 1 and t = 3
            a2c.update();
            RolloutSnapshot s = a2c.snapshot();

            // env 0: steps t = 0..4 act on episode steps 0,1,2 | 0,1; the rollout ends mid-episode
            // at episode step 2, so R_4 bootstraps from V(s_5) = v(2).
            double r4 = 1 + GAMMA * v(2);
            double r3 = 1 + GAMMA * r4;
            double r2 = 1 + GAMMA * v(3); // truncated: V(final observation), not the reset one
            double r1 = 1 + GAMMA * r2;
            double r0 = 1 + GAMMA * r1;
            assertEnv(s, 0, new double[] {r0, r1, r2, r3, r4}, new int[] {0, 1, 2, 0, 1});

            // env 1: truncated on the rollout's last step: V(final observation) = v(5), not
            // V(s_5) of the freshly reset env (v(0)).
            double q4 = 1 + GAMMA * v(5);
            double q3 = 1 + GAMMA * q4;
            double q2 = 1 + GAMMA * q3;
            double q1 = 1 + GAMMA * q2;
            double q0 = 1 + GAMMA * q1;
            assertEnv(s, 1, new double[] {q0, q1, q2, q3, q4}, new int[] {0, 1, 2, 3, 4});

            // env 2: terminations zero the tail; the last step bootstraps from V(s_5) = v(1).
            double p4 = 1 + GAMMA * v(1);
            assertEnv(s, 2, new double[] {1 + GAMMA * 1, 1, 1 + GAMMA * 1, 1, p4},
                    new int[] {0, 1, 0, 1, 0});
        }
    }

    private static void assertEnv(RolloutSnapshot s, int env, double[] returns, int[] episodeSteps) {
        for (int t = 0; t < returns.length; t++) {
            int i = t * s.nEnvs() + env;
            double value = v(episodeSteps[t]);
            assertEquals(value, s.values()[i], 1e-5, "V(s_t), env " + env + ", t " + t);
            assertEquals(returns[t], s.returns()[i], 1e-5, "R_t, env " + env + ", t " + t);
            assertEquals(returns[t] - value, s.advantages()[i], 1e-5, "A_t, env " + env + ", t " + t);
        }
    }

    /** Zero actor, and a critic that reads x through one ReLU unit: V(s) = 2 + relu(x). */
    private static void setLinearCritic(ActorCritic net) {
        List<NDArray> p = net.parameterArrays();
        for (NDArray a : p) {
            a.set(new float[(int) a.size()]);
        }
        float[] hidden1 = new float[4 * ActorCritic.OBSERVATION_SIZE];
        hidden1[0] = 1; // unit 0 ← x
        p.get(0).set(hidden1);
        float[] hidden2 = new float[4 * 4];
        hidden2[0] = 1; // unit 0 ← unit 0
        p.get(2).set(hidden2);
        p.get(6).set(new float[] {1, 0, 0, 0}); // V ← unit 0
        p.get(7).set(new float[] {2}); // + 2
        net.parametersChanged();
    }
}
