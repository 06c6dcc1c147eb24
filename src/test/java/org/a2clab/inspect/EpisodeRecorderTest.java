package org.a2clab.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recording a real (untrained, seeded) network: every number checked against its definition. */
class EpisodeRecorderTest {
    private static ActorCritic net;

    @BeforeAll
    static void network() {
        DjlRuntime.prepareTrainingThread();
        net = new ActorCritic(16, 3, Device.cpu());
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @Test
    void greedyEpisodeReplaysInTheEnvironmentAndMatchesTheRolloutMath() {
        RecordedEpisode e = EpisodeRecorder.record(net, EpisodeKind.GREEDY, 11, 5, 0.9);
        assertTrue(e.finished());
        assertEquals(EpisodeKind.GREEDY, e.kind());

        // replay: same start state, greedy actions, same physics and outcomes
        CartPole env = new CartPole(11);
        env.reset();
        int len = e.length();
        double[] rewards = new double[len];
        double[] values = new double[len];
        for (int t = 0; t < len; t++) {
            EpisodeFrame f = e.frame(t);
            assertArrayEquals(env.state(), f.state(), 0.0);
            PolicyBatch p = net.evaluate(new float[][] {env.observation()});
            assertEquals(p.probRight(0), f.probRight(), 1e-6);
            assertEquals(p.values()[0], f.value(), 1e-6);
            assertEquals(p.probRight(0) > p.probLeft(0) ? 1 : 0, f.action());
            StepResult r = env.step(f.action());
            assertEquals(r.terminated(), f.terminated());
            assertEquals(r.truncated(), f.truncated());
            rewards[t] = f.reward();
            values[t] = f.value();
        }
        EpisodeFrame last = e.frame(len - 1);
        double finalValue = net.evaluate(new float[][] {env.observation()}).values()[0];
        for (int t = 0; t < len; t++) {
            // the definition, summed forwards: R_t = Σ_{k<m} γ^k r_{t+k} + γ^m·(V(s_{t+n}), or at the
            // episode's end 0 if it terminated, V(final observation) if it was truncated)
            int m = Math.min(5, len - t);
            double expected = 0;
            for (int k = 0; k < m; k++) {
                expected += Math.pow(0.9, k) * rewards[t + k];
            }
            double tail = t + 5 < len ? values[t + 5] : last.terminated() ? 0 : finalValue;
            expected += Math.pow(0.9, m) * tail;
            double next = t + 1 < len ? values[t + 1] : last.terminated() ? 0 : finalValue;
            assertEquals(expected, e.frame(t).nStepReturn(), 1e-9);
            assertEquals(expected - values[t], e.frame(t).advantage(), 1e-9);
            assertEquals(rewards[t] + 0.9 * next - values[t], e.frame(t).tdError(), 1e-9);
        }
    }

    @Test
    void recordingIsReproducibleFromTheSeed() {
        RecordedEpisode a = EpisodeRecorder.record(net, EpisodeKind.SAMPLED, 5, 8, 0.99);
        RecordedEpisode b = EpisodeRecorder.record(net, EpisodeKind.SAMPLED, 5, 8, 0.99);
        assertEquals(a.length(), b.length());
        for (int t = 0; t < a.length(); t++) {
            assertEquals(a.frame(t).action(), b.frame(t).action());
            assertArrayEquals(a.frame(t).state(), b.frame(t).state(), 0.0);
        }
    }

    @Test
    void poleImpulseChangesExactlyThetaDotByItsSize() {
        LiveEpisode live = new LiveEpisode(EpisodeKind.GREEDY, 2);
        live.step(net);
        live.step(net);
        double[] before = live.state();
        double[] after = live.perturb(Impulse.pole(0.75));
        assertArrayEquals(new double[] {before[0], before[1], before[2], before[3] + 0.75}, after, 0.0);
        assertArrayEquals(after, live.state(), 0.0);

        live.step(net);
        RecordedEpisode e = live.snapshot(net, 8, 0.99);
        assertFalse(e.frame(1).perturbed());
        assertTrue(e.frame(2).perturbed());
        assertArrayEquals(after, e.frame(2).state(), 0.0);
        // the agent acted on the pushed state
        assertEquals(net.evaluate(new float[][] {e.frame(2).observation()}).values()[0],
                e.frame(2).value(), 1e-6);
    }

    @Test
    void cartImpulseChangesExactlyXDotByItsSize() {
        LiveEpisode live = new LiveEpisode(EpisodeKind.SAMPLED, 4);
        live.step(net);
        double[] before = live.state();
        double[] after = live.perturb(Impulse.cart(-0.5));
        assertArrayEquals(new double[] {before[0], before[1] - 0.5, before[2], before[3]}, after, 0.0);
    }
}
