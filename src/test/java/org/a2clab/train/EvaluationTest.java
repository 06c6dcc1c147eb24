package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.env.CartPole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    @Test
    void greedyEpisodesFollowArgmaxAndAreReproducible() {
        try (ActorCritic net = new ActorCritic(8, 11, Device.cpu())) {
            EvaluationResult r = Evaluation.run(net, 4, true, 9);
            assertEquals(4, r.episodes());
            assertEquals("greedy", r.mode());
            assertArrayEquals(r.returns(), Evaluation.run(net, 4, true, 9).returns());
            // Replay the first episode by hand: same seed, argmax of π at every step.
            CartPole env = new CartPole(9);
            float[] obs = env.reset();
            int steps = 0;
            boolean done = false;
            while (!done) {
                int a = net.evaluate(new float[][] {obs}).probRight(0) > 0.5f ? 1 : 0;
                var s = env.step(a);
                obs = s.observation();
                done = s.done();
                steps++;
            }
            assertEquals(steps, r.returns()[0]);
            assertTrue(r.min() <= r.mean() && r.mean() <= r.max());
            assertTrue(r.max() <= CartPole.MAX_EPISODE_STEPS);
        }
    }

    @Test
    void sampledIsReproducibleAndRejectsZeroEpisodes() {
        try (ActorCritic net = new ActorCritic(8, 11, Device.cpu())) {
            EvaluationResult a = Evaluation.run(net, 5, false, 1);
            assertEquals("sampled", a.mode());
            assertArrayEquals(a.returns(), Evaluation.run(net, 5, false, 1).returns());
            assertThrows(IllegalArgumentException.class, () -> Evaluation.run(net, 0, false, 1));
        }
    }
}
