package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine in the app's mode: run folders with run.json and models; a stopped run keeps its curves. */
class ExperimentEngineTest {
    @TempDir
    Path tmp;

    private static final Hyperparameters TINY = Hyperparameters.DEFAULTS.withNumEnvs(4).withHiddenSize(16)
            .withDevice(DeviceChoice.CPU);

    @Test
    void workspaceRunsKeepSettingsStateCurvesAndTheFinalAndBestModels() throws Exception {
        RunSettings s = new RunSettings(TINY, new StopRule(600, 475), 300, 1);
        List<ExperimentEngine.PlannedRun> plan = List.of(
                new ExperimentEngine.PlannedRun(s.withHyperparameters(TINY.withSeed(1)), tmp.resolve("g/seed-1")),
                new ExperimentEngine.PlannedRun(s.withHyperparameters(TINY.withSeed(2)), tmp.resolve("g/seed-2")));
        AtomicInteger updates = new AtomicInteger();
        List<TrainingRun.Outcome> outcomes = ExperimentEngine.run(plan, 2, ExperimentEngine.Keep.WORKSPACE, i -> false,
                new ExperimentEngine.Listener() {
                    @Override
                    public void updated(int run, UpdateStats stats) {
                        if (RunLock.isHeld(plan.get(run).dir())) {
                            updates.incrementAndGet();
                        }
                    }
                });
        assertEquals(2, outcomes.size());
        assertFalse(RunLock.isHeld(plan.get(0).dir()), "let go once its last state is written");
        assertTrue(updates.get() >= 2 * 600 / 20, "every update is heard, the run held meanwhile: " + updates.get());
        for (int seed = 1; seed <= 2; seed++) {
            Path dir = tmp.resolve("g/seed-" + seed);
            assertTrue(Files.exists(dir.resolve(RunFolder.MODEL).resolve(ModelBundle.MANIFEST_FILE)), "final model");
            assertTrue(Files.exists(dir.resolve(RunFolder.MODEL).resolve(ModelBundle.BEST_DIR).resolve(ModelBundle.MANIFEST_FILE)),
                    "best model");
            RunRecord r = new Workspace(tmp).read(dir);
            assertEquals(RunState.FINISHED, r.state(), String.valueOf(r.problem()));
            assertEquals(seed, r.hp().seed());
            assertEquals(600, r.settings().rule().maxSteps());
            assertNotNull(r.result());
            assertEquals(outcomes.get(seed - 1).result().envSteps(), r.result().envSteps());
            assertTrue(r.curves().curve(Metric.ENTROPY).size() > 10);
        }
    }

    @Test
    void aCancelledRunIsKeptAsStoppedWithTheCurvesItHad() throws Exception {
        RunSettings s = new RunSettings(TINY.withSeed(5), new StopRule(1_000_000, 475), 0, 1);
        Path dir = tmp.resolve("g/seed-5");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ended = new AtomicInteger();
        List<TrainingRun.Outcome> outcomes = ExperimentEngine.run(List.of(new ExperimentEngine.PlannedRun(s, dir)), 1,
                ExperimentEngine.Keep.WORKSPACE, i -> stop.get(), new ExperimentEngine.Listener() {
                    @Override
                    public void updated(int run, UpdateStats stats) {
                        if (stats.update() >= 8) {
                            stop.set(true);
                        }
                    }

                    @Override
                    public void ended(int run, Exception failure) {
                        assertNull(failure);
                        ended.incrementAndGet();
                    }
                });
        assertNull(outcomes.get(0));
        assertEquals(1, ended.get());
        RunRecord r = new Workspace(tmp).read(dir);
        assertEquals(RunState.STOPPED, r.state());
        assertNull(r.result());
        assertEquals(8, r.curves().curve(Metric.VALUE_LOSS).size());
        assertTrue(Files.notExists(dir.resolve(RunFolder.RESULT)));
    }
}
