package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainAndSimulateCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void simulatePrintsExactStatesAndStopsAtTheFirstEnd() {
        // first steps of the golden trajectory for seed 0 ("alternating" starts with action 0)
        Run r = cli("simulate", "--state", "0.013696168732145436,-0.02302132862361297,-0.045902647606380534,-0.04834723644714709",
                "--actions", "0");
        assertEquals(0, r.status(), r.err());
        assertEquals("{\"t\":0,\"action\":0,\"state\":[0.013235742159673177,-0.2174560418364429,"
                + "-0.04686959233532348,0.22950698447811793],\"obs\":[0.013235742,-0.21745604,-0.04686959,0.22950698],"
                + "\"reward\":1.0,\"terminated\":false,\"truncated\":false}", r.out().trim());

        Run fall = cli("simulate", "--state", "0,0,0.25,0", "--actions", "1,1,1,1,1,1,1,1");
        List<String> lines = fall.out().lines().toList();
        assertEquals(1, lines.size(), "θ = 0.25 rad is past 12° (0.209): the first step terminates");
        assertTrue(lines.get(0).endsWith("\"terminated\":true,\"truncated\":false}"));
    }

    @Test
    void simulateRejectsBadInput() {
        Run r = cli("simulate", "--state", "0,0,0", "--actions", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--state needs 4"), r.err());
        Run a = cli("simulate", "--state", "0,0,0,0", "--actions", "1,2");
        assertEquals(2, a.status());
        assertTrue(a.err().contains("must be 0 or 1"), a.err());
    }

    /** Issue 21: train stops at its solve, so the solve fields and the run's totals agree. */
    @Test
    void trainStoppedAtItsSolveHasTheSolveEqualToItsTotals() throws Exception {
        Run r = cli("train", "--max-steps", "50000", "--envs", "4", "--n-steps", "5", "--hidden", "16",
                "--device", "cpu", "--seed", "7", "--target-return", "15", "--eval-every", "0");
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertTrue(summary.get("solved").getAsBoolean());
        long steps = summary.get("env_steps").getAsLong();
        assertTrue(steps < 50_000, "stopped at the target: " + steps);
        assertEquals(steps, summary.get("solved_at_env_steps").getAsLong());
        assertEquals(summary.get("wall_s").getAsDouble(), summary.get("solved_at_wall_s").getAsDouble());
        assertEquals(Math.round(steps / summary.get("wall_s").getAsDouble()),
                summary.get("steps_per_s").getAsDouble(), 0.01 * summary.get("steps_per_s").getAsDouble() + 1);
    }

    @Test
    void trainPrintsAJsonSummaryAndWritesMetrics() throws Exception {
        Path metrics = tmp.resolve("m.jsonl");
        Run r = cli("train", "--max-steps", "2000", "--envs", "4", "--n-steps", "5", "--hidden", "16",
                "--device", "cpu", "--seed", "7", "--metrics", metrics.toString());
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertFalse(summary.get("solved").getAsBoolean());
        assertEquals(2000, summary.get("env_steps").getAsLong());
        assertEquals(100, summary.get("updates").getAsLong());
        assertEquals(7, summary.get("seed").getAsLong());
        assertEquals("CPU", summary.get("device").getAsString());
        for (String key : new String[] {"wall_s", "steps_per_s", "mean_return_last100", "episodes"}) {
            assertTrue(summary.has(key), key);
        }
        assertEquals(5, summary.getAsJsonObject("hyperparameters").get("n_steps").getAsInt());
        assertTrue(summary.get("solved_at_env_steps").isJsonNull(), "never solved: no solve step");
        assertTrue(summary.get("solved_at_wall_s").isJsonNull());
        List<String> lines = Files.readAllLines(metrics);
        assertEquals(100, lines.stream().filter(l -> l.contains("\"type\":\"update\"")).count());
        assertEquals(summary.get("episodes").getAsLong(),
                lines.stream().filter(l -> l.contains("\"type\":\"episode\"")).count());
        assertTrue(r.err().contains("steps/s"), "progress bar on stderr");
    }

    @Test
    void badOptionsExitWith2NamingTheOptionAndRange() {
        Run lr = cli("train", "--lr", "10");
        assertEquals(2, lr.status());
        assertTrue(lr.err().contains("--lr must be in [1.0E-5, 0.1], got 10"), lr.err());
        Run envs = cli("train", "--envs", "0");
        assertEquals(2, envs.status());
        assertTrue(envs.err().contains("--envs must be in [1, 256]"), envs.err());
        Run notNumber = cli("train", "--gamma", "abc");
        assertEquals(2, notNumber.status());
        assertTrue(notNumber.err().contains("--gamma must be a number"), notNumber.err());
        Run unknown = cli("train", "--bogus", "1");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown option --bogus"));
        Run opt = cli("train", "--optimizer", "sgd");
        assertEquals(2, opt.status());
        assertTrue(opt.err().contains("adam or rmsprop"));
        assertEquals(2, cli("nope").status());
    }

    @Test
    void helpEverywhere() {
        for (String command : new String[] {"train", "simulate", "bench", "sweep", "evaluate", "policy", "export"}) {
            Run r = cli(command, "--help");
            assertEquals(0, r.status(), command);
            assertTrue(r.out().startsWith("usage: a2c-lab " + command), command + ": " + r.out());
        }
        assertTrue(cli("--help").out().contains("train"));
    }

    @Test
    void benchReportsMediansAndPeakMemory() {
        Run r = cli("bench", "--seeds", "2", "--max-steps", "1000", "--envs", "4", "--n-steps", "5",
                "--hidden", "16", "--device", "cpu");
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertEquals(2, summary.get("seeds").getAsInt());
        // neither run solved: steps to the target are +∞ for both, and the median is null
        assertEquals(0, summary.get("solved").getAsInt());
        assertTrue(summary.get("median_env_steps").isJsonNull());
        assertEquals(1000, summary.getAsJsonArray("runs").get(0).getAsJsonObject().get("env_steps").getAsLong());
        assertTrue(summary.get("median_steps_per_s").getAsLong() > 0);
        assertTrue(summary.get("peak_rss_mb").getAsLong() > 0);
        assertEquals(2, summary.getAsJsonArray("runs").size());
    }
}
