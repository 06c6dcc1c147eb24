package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.env.CartPole;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.Heatmap;
import org.a2clab.train.Hyperparameters;
import org.a2clab.inspect.Impulse;
import org.a2clab.inspect.RecordedEpisode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view-model without the FX thread: network jobs run synchronously on the test thread. */
class InspectorViewModelTest {
    private static final long MS = 1_000_000L;
    private ActorCritic net;
    private final AtomicInteger jobCount = new AtomicInteger();
    private InspectorViewModel model;

    @BeforeEach
    void setUp() {
        DjlRuntime.prepareTrainingThread();
        net = new ActorCritic(16, 5, Device.cpu());
        NetworkJobs sync = new NetworkJobs() {
            @Override
            public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
                jobCount.incrementAndGet();
                return CompletableFuture.completedFuture(job.apply(net));
            }
        };
        model = new InspectorViewModel(sync, () -> Hyperparameters.DEFAULTS, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    @Test
    void recordingSelectsTheEpisodeAndPlayerCommandsMoveTheFrame() {
        model.recordGreedy();
        RecordedEpisode e = model.selectedEpisodeProperty().get();
        assertNotNull(e);
        assertEquals(EpisodeKind.GREEDY, e.kind());
        assertEquals(Hyperparameters.DEFAULTS.nSteps(), e.nSteps());
        assertSame(e.frame(0), model.currentFrame());
        model.stepForward();
        model.stepForward();
        assertSame(e.frame(2), model.currentFrame());
        model.stepBack();
        assertEquals(1, model.frameIndexProperty().get());
        model.jumpToEnd();
        assertEquals(e.length() - 1, model.frameIndexProperty().get());
        model.stepForward();
        assertEquals(e.length() - 1, model.frameIndexProperty().get());
        model.seek(-5);
        assertSame(e.frame(0), model.currentFrame());
    }

    @Test
    void playbackAdvancesFiftyFramesPerSecondTimesSpeedAndStopsAtTheEnd() {
        model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 1, 30, 0));
        model.speedProperty().set(0.5);
        model.togglePlay();
        model.tick(0);
        model.tick(200 * MS); // 0.2 s · 50 fps · 0.5 = 5 frames
        assertEquals(5, model.frameIndexProperty().get());
        model.tick(2000 * MS);
        assertEquals(29, model.frameIndexProperty().get());
        assertFalse(model.playingProperty().get());
    }

    @Test
    void liveEpisodeStepsWithTimeAndMarksTheExactPush() {
        model.playLive();
        model.tick(0);
        model.tick(100 * MS); // 5 steps
        RecordedEpisode live = model.liveEpisodeProperty().get();
        assertEquals(5, live.length());
        assertSame(live, model.selectedEpisodeProperty().get());
        assertEquals(4, model.frameIndexProperty().get());

        model.push(Impulse.pole(0.8));
        model.tick(120 * MS); // 1 more step, from the pushed state
        live = model.liveEpisodeProperty().get();
        assertEquals(6, live.length());
        EpisodeFrame before = live.frame(4);
        EpisodeFrame pushed = live.frame(5);
        assertTrue(pushed.perturbed());
        assertFalse(before.perturbed());
        CartPole env = new CartPole(0);
        env.setState(before.state()[0], before.state()[1], before.state()[2], before.state()[3]);
        env.step(before.action());
        double[] unpushed = env.state();
        assertArrayEquals(new double[] {unpushed[0], unpushed[1], unpushed[2], unpushed[3] + 0.8},
                pushed.state(), 0.0);
        assertEquals(1, model.episodes().size());
    }

    @Test
    void heatmapRefreshesAtMostThreeTimesASecond() {
        model.tick(0);
        Heatmap first = model.heatmapProperty().get();
        assertNotNull(first);
        model.networkChanged();
        model.tick(100 * MS);
        assertSame(first, model.heatmapProperty().get());
        model.tick(400 * MS);
        assertNotSame(first, model.heatmapProperty().get());
        int jobs = jobCount.get();
        model.tick(800 * MS); // nothing changed: no job
        assertEquals(jobs, jobCount.get());
        model.heatmapXProperty().set(1.0);
        model.tick(1200 * MS);
        assertEquals(1.0, model.heatmapProperty().get().x(), 0.0);
    }

    @Test
    void historyIsBounded() {
        RecordedEpisode first = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 0, 3, 0);
        model.addEpisode(first);
        for (int i = 1; i < 30; i++) {
            model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.GREEDY, i, 3, 0));
        }
        assertEquals(EpisodeHistory.CAPACITY, model.episodes().size());
        assertTrue(model.episodes().stream().anyMatch(e -> e == first)); // the selected one is kept
        for (int i = 0; i < 10; i++) {
            model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.TRAINING, -1, 3, 0));
        }
        assertEquals(EpisodeHistory.TRAINING_CAPACITY,
                model.episodes().stream().filter(e -> e.kind() == EpisodeKind.TRAINING).count());
    }
}
