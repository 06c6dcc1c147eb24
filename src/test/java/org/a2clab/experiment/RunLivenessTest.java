package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.a2clab.export.ChildJvm;
import org.a2clab.io.SpecialFiles;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a run's state cannot lie about its writer. A process that trains a run holds its
 * run.lock; once no process holds it, a stored "running" or "paused" reads as cut off (killed app,
 * power cut) instead of "running" for ever.
 */
class RunLivenessTest {
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withSeed(5);
    private static final RunSettings SETTINGS = new RunSettings(HP, new StopRule(Long.MAX_VALUE, 475), 0, 1);
    private static final Summary S = new Summary(0.5, 0.1, 0.4, 0.6);

    @TempDir
    Path tmp;

    private RunRecord read(Path dir) {
        return new Workspace(tmp).read(dir);
    }

    @Test
    void aHeldRunReadsAsItsStoredStateAndAsCutOffOnceNobodyHoldsIt() throws IOException {
        for (RunState stored : List.of(RunState.RUNNING, RunState.PAUSED)) {
            Path dir = tmp.resolve("2026-01-31T12-00-00 train/seed-" + stored.ordinal());
            RunLock lock = RunLock.hold(dir);
            new RunMeta(null, stored, null, SETTINGS, null).write(dir);
            assertEquals(stored, read(dir).state(), "its writer holds it");
            assertTrue(RunLock.isHeld(dir));
            lock.close(); // as the OS does for a process that dies: no last state written
            assertEquals(RunState.CUT_OFF, read(dir).state());
            assertFalse(RunLock.isHeld(dir));
        }
    }

    @Test
    void aRunThatWroteItsLastStateKeepsItWhenItsWriterLetsGo() throws IOException {
        Path dir = tmp.resolve("2026-01-31T12-00-00 train/seed-1");
        RecordedRun run = RecordedRun.begin(dir, SETTINGS);
        run.mark(RunState.STOPPED, null);
        assertEquals(RunState.STOPPED, read(dir).state());
        run.mark(RunState.FAILED, "diverged: the loss is NaN");
        RunRecord failed = read(dir);
        assertEquals(RunState.FAILED, failed.state());
        assertEquals("diverged: the loss is NaN", failed.problem());
        run.end("cpu");
        RunRecord ended = read(dir);
        assertEquals(RunState.FAILED, ended.state(), "its last state is kept, not cut off");
        assertEquals("diverged: the loss is NaN", ended.problem());
        assertFalse(RunLock.isHeld(dir), "let go at its end");
    }

    @Test
    void aRunCannotBeTakenTwice() throws IOException {
        Path dir = tmp.resolve("g/seed-1");
        try (RunLock held = RunLock.hold(dir)) {
            IOException twice = assertThrows(IOException.class, () -> RunLock.hold(dir));
            assertTrue(twice.getMessage().contains("already being trained by this app"), twice.getMessage());
        }
        RunLock.hold(dir).close();
    }

    @Test
    void aRunJsonSayingRunningWithoutALockFileIsCutOff() throws IOException {
        // what an app before run.lock left when it was killed, or a lock file deleted by hand
        Path dir = Files.createDirectories(tmp.resolve("2026-01-31T12-00-00 train/seed-1"));
        RunMeta.running(SETTINGS).write(dir);
        assertEquals(RunState.CUT_OFF, read(dir).state());
        assertEquals("cut off", read(dir).state().label());
    }

    @Test
    void aPipeNamedRunLockIsNeverOpenedAndHoldsNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("2026-01-31T12-00-00 train/seed-1"));
        RunMeta.running(SETTINGS).write(dir);
        SpecialFiles.mkfifo(dir.resolve(RunFolder.LOCK));
        assertEquals(RunState.CUT_OFF, read(dir).state(), "read without blocking on the pipe");
        IOException refused = assertThrows(IOException.class, () -> RunLock.hold(dir));
        assertTrue(refused.getMessage().contains("not a file A2C Lab wrote"), refused.getMessage());
    }

    @Test
    void aCutOffRunIsDeletedWithItsLockFile() throws IOException {
        Path dir = tmp.resolve("2026-01-31T12-00-00 train/seed-1");
        RunLock.hold(dir).close();
        RunMeta.running(SETTINGS).write(dir);
        RunRecord cut = read(dir);
        assertEquals(RunState.CUT_OFF, cut.state());
        new Workspace(tmp).delete(cut);
        assertFalse(Files.exists(dir));
    }

    @Test
    void aRunWhoseWriterProcessIsKilledReadsAsCutOffWithItsCurvesSoFar() throws Exception {
        Path dir = tmp.resolve("2026-01-31T12-00-00 train/seed-1");
        Process child = ChildJvm.start(Writer.class, dir.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String said = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return e.toString();
                }
            }).get(60, TimeUnit.SECONDS);
            assertEquals("held", said);
            RunRecord live = read(dir);
            assertEquals(RunState.PAUSED, live.state(), "another process holds it: its state stands");
            assertEquals(20, live.curves().envSteps());
            RunRefusedException refused = assertThrows(RunRefusedException.class, () -> new Workspace(tmp).delete(live));
            assertTrue(refused.getMessage().startsWith("another A2C Lab process is training it"), refused.getMessage());
            assertTrue(Files.exists(dir.resolve(RunFolder.META)), "nothing deleted");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        RunRecord killed = read(dir);
        assertEquals(RunState.CUT_OFF, killed.state());
        assertEquals(20, killed.curves().envSteps(), "the curves of its last checkpoint");
        assertEquals(List.of(RunState.CUT_OFF), new Workspace(tmp).scan().stream().map(RunRecord::state).toList(),
                "listed so, as the runs list reads it");
    }

    /** The child: trains a run as the Training tab records it (one update, a checkpoint, Pause), then waits to be killed. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            RecordedRun run = RecordedRun.begin(Path.of(args[0]), SETTINGS);
            run.update(new UpdateStats(1, 20, 0, 0.1, 0.2, 0.6, 0.3, 0.5, 1, 1e-3, S, S, S, S, Double.NaN, 2000, 0.01),
                    List.of());
            run.checkpoint();
            run.mark(RunState.PAUSED, null);
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
