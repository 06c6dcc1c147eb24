package org.a2clab.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.render.Flash;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.training.Samples;
import org.junit.jupiter.api.Test;

class FramePlayerTest {
    private static final long MS = 1_000_000L;

    @Test
    void realTimePlaysFiftyStepsPerSecond() {
        FramePlayer p = new FramePlayer();
        p.onFrames(episode(0, 80));
        p.pulse(0);
        for (long t = 16 * MS; t <= 1_000 * MS; t += 16 * MS) {
            p.pulse(t);
        }
        assertTrue(p.framesShown() >= 48 && p.framesShown() <= 51, "shown " + p.framesShown());
    }

    @Test
    void asFastAsTrainingShowsTheNewestStep() {
        FramePlayer p = new FramePlayer();
        p.setSpeed(PlaybackSpeed.AS_FAST_AS_TRAINING);
        p.onFrames(episode(0, 30));
        assertTrue(p.pulse(0));
        assertEquals(29, p.current().episodeStep());
        assertEquals(0, p.backlogSize());
    }

    @Test
    void inFastPlaybackTheTruncationBannerGoesOffWhileEpisodesKeepEnding() {
        FramePlayer p = new FramePlayer();
        p.setSpeed(PlaybackSpeed.AS_FAST_AS_TRAINING);
        // a solved agent: a 500-step truncation in every batch, the newest frame mid-episode
        for (int pulse = 0; pulse < 20; pulse++) {
            List<WorkerFrame> batch = new ArrayList<>();
            for (int t = 400; t < 500; t++) {
                batch.add(Samples.frame(t, false, t == 499));
            }
            for (int t = 0; t < 30; t++) {
                batch.add(Samples.frame(t, false, false));
            }
            p.onFrames(batch);
            p.pulse(pulse * 16 * MS);
            assertEquals(Flash.NONE, p.flash(), "pulse " + pulse);
        }
        p.onFrames(List.of(Samples.frame(499, false, true)));
        p.pulse(400 * MS);
        assertEquals(Flash.TRUNCATED, p.flash(), "an end on screen still shows");
    }

    @Test
    void terminationAndTruncationFlashDifferentlyAndFade() {
        FramePlayer p = new FramePlayer();
        p.setSpeed(PlaybackSpeed.AS_FAST_AS_TRAINING);
        p.onFrames(List.of(Samples.frame(499, false, true)));
        p.pulse(0);
        assertEquals(Flash.TRUNCATED, p.flash());
        p.onFrames(List.of(Samples.frame(20, true, false)));
        p.pulse(100 * MS);
        assertEquals(Flash.TERMINATED, p.flash());
        p.pulse(1_000 * MS);
        assertEquals(Flash.NONE, p.flash());
    }

    @Test
    void whenTrainingOutrunsPlaybackItFinishesTheEpisodeThenJumpsToTheNewest() {
        FramePlayer p = new FramePlayer();
        p.onFrames(episode(0, 3));
        p.pulse(0);
        p.pulse(20 * MS);
        p.pulse(40 * MS);
        List<WorkerFrame> later = new ArrayList<>(episode(0, 150));
        later.addAll(episode(0, 150));
        p.onFrames(later);
        p.pulse(60 * MS);
        assertEquals(2, p.current().episodeStep(), "the shown episode plays to its end");
        p.pulse(80 * MS);
        assertEquals(0, p.current().episodeStep());
        assertEquals(149, p.backlogSize(), "skipped the whole middle episode");
    }

    @Test
    void resetForgetsTheRun() {
        FramePlayer p = new FramePlayer();
        p.onFrames(episode(0, 5));
        p.reset();
        p.pulse(0);
        assertNull(p.current());
        assertEquals(0, p.framesShown());
    }

    private static List<WorkerFrame> episode(int from, int length) {
        List<WorkerFrame> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            out.add(Samples.frame(from + i, i == length - 1, false));
        }
        return out;
    }
}
