package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BestCheckpointTest {
    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    @Test
    void keepsTheBestScoringWeightsAndTheLaterOneOnATie() {
        // scripted scores at steps 100, 200, 300, 400, 500: the tie at 400 beats 200
        double[] scores = {10, 50, 30, 50, 20};
        List<float[]> seen = new ArrayList<>();
        BestCheckpoint best = new BestCheckpoint(100, 3, net -> {
            seen.add(net.parameterArrays().get(0).toFloatArray());
            return scores[seen.size() - 1];
        });
        // 4 envs × 5 steps = 20 env steps per update: evaluations after updates 5, 10, …, 25
        try (A2c a2c = new A2c(A2cTrainingTest.SMALL)) {
            for (int i = 0; i < 25; i++) {
                a2c.update();
                best.afterUpdate(a2c);
            }
            assertEquals(List.of(100L, 200L, 300L, 400L, 500L),
                    best.points().stream().map(BestCheckpoint.Point::envSteps).toList());
            assertEquals(new BestCheckpoint.Point(400, 50), best.best());
            assertEquals(new Checkpoint(Checkpoint.Kind.BEST, 50, 400, 3), best.bestCheckpoint());
            assertFalse(java.util.Arrays.equals(seen.get(3), a2c.network().parameterArrays().get(0).toFloatArray()),
                    "training went on after the best evaluation");
            try (ActorCritic restored = best.bestNetwork(a2c.network())) {
                assertArrayEquals(seen.get(3), restored.parameterArrays().get(0).toFloatArray());
                float[][] obs = {{0.01f, 0.2f, -0.03f, 0.1f}};
                assertTrue(restored.evaluate(obs).values().length == 1);
            }
            assertEquals(new Checkpoint(Checkpoint.Kind.FINAL, 20, 500, 3), best.finalCheckpoint(a2c));
            best.finish(a2c);
            assertEquals(5, best.points().size(), "the final network was just evaluated");
        }
    }

    @Test
    void greedyEvaluationIsDeterministicAndBatchedLikeSingleEpisodes() {
        try (ActorCritic net = new ActorCritic(16, 5, ai.djl.Device.cpu())) {
            double[] batched = GreedyEvaluation.returns(net, 4, 77);
            assertArrayEquals(batched, GreedyEvaluation.returns(net, 4, 77));
            for (int i = 0; i < 4; i++) {
                // episode i alone, on a CartPole seeded 77 + i: the batch changes nothing
                assertEquals(Evaluation.run(net, 1, true, 77 + i).returns()[0], batched[i]);
            }
        }
    }
}
