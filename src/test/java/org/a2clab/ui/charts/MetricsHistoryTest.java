package org.a2clab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.ui.training.Samples;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {
    @Test
    void updatesEpisodesFramesAndSnapshotsBecomeSeriesAndResetClearsThem() {
        MetricsHistory h = new MetricsHistory();
        long v0 = h.version();
        h.onUpdates(List.of(Samples.update(1, 64, Double.NaN), Samples.update(2, 128, 20)));
        h.onEpisodes(List.of(Samples.episode(1, 100, 20)));
        h.onFrames(List.of(Samples.frame(0, false, false), Samples.frame(1, false, false)));
        h.onSnapshot(new RolloutSnapshot(2, 2, 1, new float[2], new float[2], new float[2], new float[] {1, -1}, List.of()));

        assertNotEquals(v0, h.version());
        assertEquals(128, h.latestSteps());
        assertEquals(20, h.meanReturn100.lastY());
        assertEquals(-0.69, h.entropyLoss.lastY(), 1e-12);
        assertEquals(0.6, h.workerProbRight.lastY(), 1e-6);
        assertEquals(0.4, h.workerProbLeft.lastY(), 1e-6);
        assertEquals(List.of(64.0, 128.0), xs(h.workerProbRight), "frames spread over the pulse's env steps");
        assertEquals(1, h.recentAdvantages().size());

        h.reset();
        assertEquals(0, h.storedPoints());
        assertTrue(h.recentAdvantages().isEmpty());
        assertEquals(0, h.latestSteps());
    }

    @Test
    void stepsPerSecondIsMeasuredOverHalfSecondsOfTraining() {
        MetricsHistory h = new MetricsHistory();
        List<org.a2clab.train.UpdateStats> batch = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            batch.add(Samples.update(i, i * 100L, 10));
        }
        h.onUpdates(batch);
        // Samples run at exactly 10,000 steps per training second.
        assertEquals(10_000, h.stepsPerSecond.lastY(), 1e-6);
    }

    private static List<Double> xs(SeriesBuffer s) {
        List<Double> out = new ArrayList<>();
        s.visit(0, Double.MAX_VALUE, (x, y) -> out.add(x));
        return out;
    }

    @Test
    void liveChangesAreMarkedOncePerMomentAndClearedWithTheRun() {
        MetricsHistory h = new MetricsHistory();
        // a slider drag: many changes before the next update
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "α 3.0e-03 → 2.0e-03"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "α 2.0e-03 → 1.0e-04"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "β 0.0000 → 0.0100"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(5_000, "γ 0.9800 → 0.9900"));
        assertEquals(2, h.liveChanges().size());
        assertEquals("α 3.0e-03 → 1.0e-04, β 0.0000 → 0.0100", h.liveChanges().get(0).text());
        assertEquals(5_000, h.liveChanges().get(1).envSteps());
        h.reset();
        assertTrue(h.liveChanges().isEmpty());
    }
}
