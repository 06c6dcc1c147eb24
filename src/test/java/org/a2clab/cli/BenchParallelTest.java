package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.Test;

/** Seeds on two threads at once give the same runs as one after the other. */
class BenchParallelTest {
    private static JsonObject bench(String parallel) {
        // a low target, so each seed stops at its own step count: any difference in the
        // trajectory shows in env_steps or the mean return. The default network size: matrix
        // products that small libraries would split over threads are what diverged before
        // each training thread pinned its own libtorch thread count.
        Run r = cli("bench", "--seed-list", "3,8,5", "--parallel", parallel, "--max-steps", "12000",
                "--target-return", "30", "--device", "cpu");
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        return JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
    }

    @Test
    void parallelAndSerialRunsAgreePerSeed() {
        JsonObject serial = bench("1");
        JsonObject parallel = bench("2");
        JsonArray a = serial.getAsJsonArray("runs");
        JsonArray b = parallel.getAsJsonArray("runs");
        assertEquals(3, a.size());
        for (int i = 0; i < 3; i++) {
            JsonObject x = a.get(i).getAsJsonObject();
            JsonObject y = b.get(i).getAsJsonObject();
            for (String key : new String[] {"seed", "solved", "env_steps", "mean_return_last100"}) {
                assertEquals(x.get(key), y.get(key), "seed " + x.get("seed") + " " + key);
            }
        }
        assertEquals(List.of(3L, 8L, 5L), a.asList().stream().map(e -> e.getAsJsonObject().get("seed").getAsLong()).toList());
        for (String key : new String[] {"aggregate_steps_per_s", "median_env_steps", "median_env_steps_ci95",
                "iqm_final_return", "iqm_final_return_ci95", "cpu"}) {
            assertTrue(parallel.has(key), key);
        }
        assertEquals(serial.get("median_env_steps"), parallel.get("median_env_steps"));
        assertEquals(serial.get("iqm_final_return_ci95"), parallel.get("iqm_final_return_ci95"));
    }

    @Test
    void badSeedOptionsExitWith2() {
        assertEquals(2, cli("bench", "--seeds", "2", "--seed-list", "1,2").status());
        assertTrue(cli("bench", "--seed-list", "1,x").err().contains("'x' is not an integer"));
        assertTrue(cli("bench", "--parallel", "0").err().contains("--parallel must be in [1, 64]"));
    }
}
