package org.a2clab.inspect;

import org.a2clab.train.WorkerFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.env.CartPole;
import org.junit.jupiter.api.Test;

class TrainingEpisodesTest {
    private static WorkerFrame frame(int step, boolean terminated, boolean truncated) {
        return new WorkerFrame(new double[] {0.01 * step, 0, 0.02, 0}, 0.6f, step + 1f, 1, 1f,
                terminated, truncated, step);
    }

    @Test
    void trackerJoinsUpdatesIntoWholeEpisodesAndSkipsTheFirstPartialOne() {
        TrainingEpisodeTracker tracker = new TrainingEpisodeTracker();
        List<WorkerFrame> update1 = List.of(frame(5, false, false), frame(6, true, false),
                frame(0, false, false));
        List<WorkerFrame> update2 = List.of(frame(1, false, false), frame(2, true, false),
                frame(0, false, false));
        assertTrue(tracker.accept(update1).isEmpty());
        List<List<WorkerFrame>> done = tracker.accept(update2);
        assertEquals(1, done.size());
        assertEquals(3, done.get(0).size());
        assertEquals(0, done.get(0).get(0).episodeStep());
    }

    @Test
    void anEpisodeWithDroppedFramesIsDiscarded() {
        TrainingEpisodeTracker tracker = new TrainingEpisodeTracker();
        List<WorkerFrame> gap = List.of(frame(0, false, false), frame(1, false, false),
                frame(4, false, false), frame(5, true, false));
        assertTrue(tracker.accept(gap).isEmpty(), "steps 2 and 3 are missing");
        List<List<WorkerFrame>> next = tracker.accept(List.of(frame(0, false, false), frame(1, true, false)));
        assertEquals(1, next.size());
        assertEquals(2, next.get(0).size());
    }

    @Test
    void truncatedTrainingEpisodeBootstrapsFromTheReplayedFinalObservation() {
        DjlRuntime.prepareTrainingThread();
        try (ActorCritic net = new ActorCritic(8, 1, Device.cpu())) {
            List<WorkerFrame> frames = new ArrayList<>();
            frames.add(frame(0, false, false));
            frames.add(frame(1, false, true));
            RecordedEpisode e = TrainingEpisodes.record(frames, net, 4, 0.5);
            assertEquals(EpisodeKind.TRAINING, e.kind());
            CartPole env = new CartPole(0);
            env.setState(0.01, 0, 0.02, 0);
            float[] finalObs = env.step(1).observation();
            double finalValue = net.evaluate(new float[][] {finalObs}).values()[0];
            assertEquals(1 + 0.5 * finalValue, e.frame(1).nStepReturn(), 1e-9);
            assertEquals(1 + 0.5 * (1 + 0.5 * finalValue), e.frame(0).nStepReturn(), 1e-9);
            assertEquals(0.4f, e.frame(0).probLeft(), 1e-6);
        }
    }
}
