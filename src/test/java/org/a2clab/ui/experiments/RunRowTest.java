package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.scene.paint.Color;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;
import org.junit.jupiter.api.Test;

/** Issue 20, point 8: a finished row of the runs list keeps no stale progress bar. */
class RunRowTest {
    @Test
    void aRecordThatNoLongerTrainsTakesTheProgressBarAway() {
        Path dir = Path.of("runs", "train-1", "seed-1");
        RunRow row = new RunRow("train-1/seed-1", Color.RED, record(dir, RunState.RUNNING), true);
        row.progressProperty().set(0.97); // the last live refresh while it trained
        row.setRecord(record(dir, RunState.RUNNING));
        assertEquals(0.97, row.progressProperty().get(), "still training: the bar stays");
        row.setRecord(record(dir, RunState.FINISHED));
        assertEquals(-1, row.progressProperty().get());
    }

    private static RunRecord record(Path dir, RunState state) {
        return new RunRecord("train-1/seed-1", dir, null, state, null, null, null, null, new RunCurves());
    }
}
