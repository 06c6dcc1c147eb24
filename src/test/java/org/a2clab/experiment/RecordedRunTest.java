package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.export.Rfc8259;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.train.Summary;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a Training-tab run that trains on past its solve says both in result.json, as separate
 * fields (it wrote the solve step next to the whole run's time: 1,215 steps/s against ≈ 17k real),
 * and the runs store reads back the totals for the list and the solve for comparisons.
 */
class RecordedRunTest {
    @TempDir
    Path tmp;

    private static final Summary S = new Summary(0.5, 0.1, 0.4, 0.6);

    /** Update u: 10,000·u env steps, 50·u episodes, 0.5·u s; mean-100 480 from update 4 on (solved), then 300 from 8. */
    private static UpdateStats update(int u) {
        double mean = u >= 8 ? 300 : u >= 4 ? 480 : 100;
        return new UpdateStats(u, 10_000L * u, 50L * u, 0.1, 0.2, 0.6, 0.3, 0.5, 1, 1e-3, S, S, S, S, mean,
                20_000, 0.5 * u);
    }

    private Path trainedPastItsSolve(String name, long seed) throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(seed);
        RecordedRun run = RecordedRun.begin(tmp.resolve(name),
                new RunSettings(hp, new StopRule(Long.MAX_VALUE, StopRule.SOLVED_RETURN), 0, 1));
        for (int u = 1; u <= 10; u++) {
            run.update(update(u), List.of());
            if (u == 4) {
                run.solved(40_000, 2.0); // the training's solved event
            }
        }
        run.end("cpu");
        return run.dir();
    }

    @Test
    void resultJsonHasTheSolveAndTheRunsTotalsApart() throws Exception {
        Path dir = trainedPastItsSolve("app-run", 1);
        JsonObject r = Rfc8259.parse(Files.readString(dir.resolve(RunFolder.RESULT))).getAsJsonObject();
        assertTrue(r.get("solved").getAsBoolean());
        assertEquals(40_000, r.get("solved_at_env_steps").getAsLong(), "the first update at the target");
        assertEquals(2.0, r.get("solved_at_wall_s").getAsDouble(), 1e-9);
        assertEquals(100_000, r.get("env_steps").getAsLong(), "all it trained");
        assertEquals(5.0, r.get("wall_s").getAsDouble(), 1e-9);
        assertEquals(20_000, r.get("steps_per_s").getAsLong(), "total steps over total time");
        assertEquals(500, r.get("episodes").getAsLong());
        assertEquals(10, r.get("updates").getAsLong());
        assertEquals(300, r.get("mean_return_last100").getAsDouble(), 1e-9, "the mean at the end");
    }

    @Test
    void theStoreReadsTheTotalsForTheListAndTheSolveForComparisons() throws Exception {
        trainedPastItsSolve("a/seed-1", 1);
        trainedPastItsSolve("a/seed-2", 2);
        List<RunRecord> runs = new Workspace(tmp).scan();
        assertEquals(2, runs.size());
        RunResult res = runs.get(0).result();
        assertEquals(new RunResult(true, 40_000, 2.0, 100_000, 300, 5.0, Double.NaN), res);

        Comparison.Group g = Comparison.of(runs).get(0);
        assertEquals(40_000, g.report().medianStepsToTarget(), "steps to the target, not the steps trained");
        assertEquals(2.0, g.medianWallSeconds(), 1e-9, "time to the target");
    }

    @Test
    void aRunThatStopsAtTheTargetHasItsSolveEqualToItsTotals() throws Exception {
        JsonObject r = RunJson.result(new TrainingResult(true, 82_560, 1_032, 467, 3.91, 476.76, "CPU",
                Hyperparameters.DEFAULTS));
        assertEquals(82_560, r.get("solved_at_env_steps").getAsLong());
        assertEquals(82_560, r.get("env_steps").getAsLong());
        assertEquals(3.91, r.get("solved_at_wall_s").getAsDouble(), 1e-9);
        assertEquals(3.91, r.get("wall_s").getAsDouble(), 1e-9);

        JsonObject unsolved = RunJson.result(new TrainingResult(false, 1_000, 10, 5, 1, 20, "CPU",
                Hyperparameters.DEFAULTS));
        assertTrue(unsolved.get("solved_at_env_steps").isJsonNull());
        assertTrue(unsolved.get("solved_at_wall_s").isJsonNull());
    }

    /** A result.json written before the solve had its own fields was solved, if at all, at its end. */
    @Test
    void anOlderResultWithoutSolveFieldsReadsAsSolvedAtItsEnd() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("old"));
        JsonObject r = RunJson.result(new TrainingResult(true, 9_000, 50, 120, 1.5, 476, "cpu",
                Hyperparameters.DEFAULTS));
        r.remove("solved_at_env_steps");
        r.remove("solved_at_wall_s");
        RunJson.write(dir.resolve(RunFolder.RESULT), r);
        RunRecord read = RunReader.read("old", dir);
        assertFalse(read.state() == RunState.DAMAGED, read.problem());
        assertEquals(new RunResult(true, 9_000, 1.5, 9_000, 476, 1.5, Double.NaN), read.result());
    }

    @Test
    void aSolveStepThatDisagreesWithSolvedIsDamage() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        JsonObject r = RunJson.result(new TrainingResult(false, 9_000, 50, 120, 1.5, 300, "cpu",
                Hyperparameters.DEFAULTS));
        r.addProperty("solved_at_env_steps", 4_000);
        RunJson.write(dir.resolve(RunFolder.RESULT), r);
        RunRecord read = RunReader.read("bad", dir);
        assertEquals(RunState.DAMAGED, read.state());
        assertEquals("result.json: solved_at_env_steps does not fit solved and env_steps", read.problem());
    }
}
