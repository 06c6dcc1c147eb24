package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path tmp;

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withLearningRate(3e-3);

    private Map<String, RunRecord> scan(Workspace ws) throws IOException {
        return ws.scan().stream().collect(Collectors.toMap(RunRecord::id, Function.identity()));
    }

    @Test
    void readsFinishedRunsWithTheirCurvesAndResult() throws IOException {
        RunFolders.finished(tmp.resolve("lr=0.003/seed-3"), HP.withSeed(3), true, 120_000, 480.5, 12.5, 50);
        RunRecord r = scan(new Workspace(tmp)).get("lr=0.003/seed-3");
        assertEquals(RunState.FINISHED, r.state());
        assertEquals(3, r.hp().seed());
        assertEquals(3e-3, r.hp().learningRate());
        assertEquals(new RunResult(true, 120_000, 12.5, 120_000, 480.5, 12.5, Double.NaN), r.result());
        assertEquals(50, r.curves().curve(Metric.MEAN_RETURN_100).size());
        assertEquals(480.5, r.curves().curve(Metric.MEAN_RETURN_100).last(), 1e-9);
        assertEquals(120_000, r.curves().envSteps());
    }

    @Test
    void aDamagedOrHalfWrittenRunIsListedWithTheReasonAndTheOthersStillRead() throws IOException {
        RunFolders.finished(tmp.resolve("g/seed-1"), HP.withSeed(1), false, 5000, 80, 1, 5);
        Files.createDirectories(tmp.resolve("g/seed-2"));
        Path cut = RunFolders.finished(tmp.resolve("g/seed-3"), HP.withSeed(3), false, 5000, 80, 1, 5);
        Files.writeString(cut.resolve(RunFolder.RESULT), "{\"solved\": true, \"env_st");
        Path badLine = RunFolders.finished(tmp.resolve("g/seed-4"), HP.withSeed(4), false, 5000, 80, 1, 5);
        Files.writeString(badLine.resolve(RunFolder.METRICS), "{\"type\":\"update\",\"env_steps\":1}\n[1,2\n");
        Path foreign = Files.createDirectories(tmp.resolve("g/seed-5"));
        Files.writeString(foreign.resolve(RunFolder.META), "{\"format\":\"something else\"}");

        Map<String, RunRecord> runs = scan(new Workspace(tmp));
        assertEquals(5, runs.size());
        assertEquals(RunState.FINISHED, runs.get("g/seed-1").state());
        assertEquals(RunState.DAMAGED, runs.get("g/seed-2").state());
        assertTrue(runs.get("g/seed-2").problem().contains("no result.json"), runs.get("g/seed-2").problem());
        assertEquals(RunState.DAMAGED, runs.get("g/seed-3").state());
        assertTrue(runs.get("g/seed-3").problem().contains("result.json"), runs.get("g/seed-3").problem());
        assertTrue(runs.get("g/seed-4").problem().contains("metrics.jsonl line 2"), runs.get("g/seed-4").problem());
        assertTrue(runs.get("g/seed-5").problem().contains("not an A2C Lab run file"), runs.get("g/seed-5").problem());
        assertNull(runs.get("g/seed-2").hp());
    }

    @Test
    void aSweepOutputFolderOpensAtItsRunsFolder() throws IOException {
        Path sweep = tmp.resolve("sweep");
        RunFolders.finished(sweep.resolve("runs/lr=0.001/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Files.writeString(sweep.resolve("summary.json"), "{}");
        Workspace ws = new Workspace(sweep);
        assertEquals(sweep.resolve("runs").toAbsolutePath(), ws.root());
        assertEquals(List.of("lr=0.001/seed-1"), ws.scan().stream().map(RunRecord::id).toList());
    }

    @Test
    void renameKeepsTheNameInRunJsonAndBlankGoesBackToTheSettings() throws IOException {
        RunFolders.finished(tmp.resolve("g/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Workspace ws = new Workspace(tmp);
        ws.rename(scan(ws).get("g/seed-1"), "  my best run ");
        RunRecord r = scan(ws).get("g/seed-1");
        assertEquals("my best run", r.name());
        assertEquals(RunState.FINISHED, r.state());
        ws.rename(r, " ");
        assertNull(scan(ws).get("g/seed-1").name());
    }

    @Test
    void aRunThatJustEndedIsReadBackWithTheCurvesItRecordedNotItsMetricsFile() throws IOException {
        Path dir = RunFolders.finished(tmp.resolve("g/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Workspace ws = new Workspace(tmp);
        RunCurves recorded = ws.read(dir).curves();
        Path metrics = dir.resolve(RunFolder.METRICS);
        Files.delete(metrics);
        Files.createDirectory(metrics);
        assertEquals(RunState.DAMAGED, ws.read(dir).state(), "reading the file now fails");
        RunRecord ended = ws.readEnded(dir, recorded);
        assertEquals(RunState.FINISHED, ended.state());
        assertSame(recorded, ended.curves());
        assertEquals(9000, ended.result().envSteps());
    }

    @Test
    void deleteRemovesOnlyFoldersHoldingWhatA2cLabWrites() throws IOException {
        RunFolders.finished(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Path other = RunFolders.finished(tmp.resolve("lr=0.003/seed-2"), HP.withSeed(2), true, 9000, 476, 1, 5);
        Files.writeString(other.resolve("notes.txt"), "mine");
        Workspace ws = new Workspace(tmp);
        Map<String, RunRecord> runs = scan(ws);

        IOException refused = assertThrows(RunRefusedException.class, () -> ws.delete(runs.get("lr=0.003/seed-2")));
        assertTrue(refused.getMessage().contains("notes.txt"), refused.getMessage());
        assertTrue(Files.exists(other.resolve(RunFolder.RESULT)), "nothing of a refused folder is deleted");

        ws.delete(runs.get("lr=0.003/seed-1"));
        assertFalse(Files.exists(tmp.resolve("lr=0.003/seed-1")));
        assertTrue(Files.exists(tmp.resolve("lr=0.003")), "the setting folder still holds seed-2");
        Files.delete(other.resolve("notes.txt"));
        ws.delete(runs.get("lr=0.003/seed-2"));
        assertFalse(Files.exists(tmp.resolve("lr=0.003")), "an emptied setting folder goes too");
    }
}
