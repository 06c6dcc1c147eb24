package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.paint.Color;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunResult;
import org.a2clab.experiment.RunState;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The runs list's names tell runs of the same settings apart by when they started; the filter's match. */
class RowTextTest {
    private static RunRecord record(String id) {
        return new RunRecord(id, Path.of("/tmp/ws").resolve(id), null, RunState.FINISHED, null,
                Hyperparameters.DEFAULTS.withSeed(3), null, null, new RunCurves());
    }

    @Test
    void aRunTheAppNamedShowsItsStartTimeAndTheSecondRunOfThatSecondItsNumber() {
        assertEquals("defaults · seed 3 · 14:02:07",
                RowText.name(record("2026-12-08T14-02-07 train/seed-3"), List.of()));
        assertEquals("defaults · seed 3 · 14:02:07 (2)",
                RowText.name(record("2026-12-08T14-02-07 train (2)/seed-3"), List.of()));
        assertEquals(" · 09:00:00", RowText.started("2026-12-08T09-00-00 lr=0.001/lr=0.001/seed-1"));
        assertEquals("", RowText.started("lr=0.001/seed-1"), "a sweep's folder has no time in its name");
    }

    @Test
    void theFilterMatchesNameStateAndFolderInAnyCase() {
        RunRow row = new RunRow("2026-12-08T14-02-07 train/seed-3", Color.RED, record("x"), false);
        RowText.refresh(row, List.of());
        assertNull(RunFilter.matching("  "));
        assertTrue(RunFilter.matching("SEED 3").test(row));
        assertTrue(RunFilter.matching("finished").test(row));
        assertTrue(RunFilter.matching("train").test(row));
        assertFalse(RunFilter.matching("seed 4").test(row));
    }

    /** Issue 21: a run that trained on past its solve shows the steps it trained, and when it was solved. */
    @Test
    void theStepsColumnShowsTheStepsTrainedAndTheResultTheSolveStep() {
        RunRecord r = new RunRecord("x", Path.of("/tmp/ws/x"), null, RunState.FINISHED, null,
                Hyperparameters.DEFAULTS.withSeed(3), null,
                new RunResult(true, 82_560, 3.9, 1_290_000, 480, 75, Double.NaN), new RunCurves());
        RunRow row = new RunRow("x", Color.RED, r, false);
        RowText.refresh(row, List.of());
        assertEquals(1_290_000, row.stepsProperty().get());
        assertEquals("solved at 82,560 steps · mean-100 480.0", row.resultProperty().get());
    }
}
