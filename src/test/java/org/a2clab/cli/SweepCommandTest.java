package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tinySweepWritesEveryFile() throws Exception {
        Path out = tmp.resolve("sweep");
        Run r = cli("sweep", "--vary", "gae-lambda=0.9,1", "--seed-list", "2,3", "--parallel", "2",
                "--max-steps", "3000", "--target-return", "20", "--envs", "4", "--hidden", "16",
                "--device", "cpu", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(JsonParser.parseString(Files.readString(out.resolve("summary.json"))), summary);
        assertEquals("gae-lambda", summary.get("vary").getAsString());
        assertEquals(0.9, summary.getAsJsonArray("values").get(0).getAsDouble());
        assertEquals(1, summary.getAsJsonArray("values").get(1).getAsInt());
        assertEquals(3000, summary.get("max_steps").getAsLong());
        assertEquals(20.0, summary.get("target_return").getAsDouble());
        JsonArray groups = summary.getAsJsonArray("groups");
        assertEquals(2, groups.size());
        for (int g = 0; g < 2; g++) {
            JsonObject group = groups.get(g).getAsJsonObject();
            JsonArray runs = group.getAsJsonArray("runs");
            assertEquals(2, runs.size());
            int solved = 0;
            for (int k = 0; k < 2; k++) {
                JsonObject run = runs.get(k).getAsJsonObject();
                assertEquals(k == 0 ? 2 : 3, run.get("seed").getAsLong());
                boolean s = run.get("solved").getAsBoolean();
                solved += s ? 1 : 0;
                assertEquals(s, !run.get("env_steps_to_target").isJsonNull());
                assertTrue(run.has("final_mean_return") && run.has("wall_s"));
                Path runDir = out.resolve("runs/gae-lambda=" + group.get("value") + "/seed-" + run.get("seed"));
                assertTrue(Files.readString(runDir.resolve("metrics.jsonl")).contains("\"type\":\"update\""));
                JsonObject result = JsonParser.parseString(Files.readString(runDir.resolve("result.json"))).getAsJsonObject();
                assertEquals(group.get("value").getAsDouble(),
                        result.getAsJsonObject("hyperparameters").get("gae_lambda").getAsDouble());
            }
            assertEquals(solved / 2.0, group.get("solved_fraction").getAsDouble());
            for (String key : new String[] {"median_steps_to_target", "median_steps_to_target_ci95",
                    "iqm_final_return", "iqm_final_return_ci95"}) {
                assertTrue(group.has(key), key);
            }
            assertEquals(2, group.getAsJsonArray("median_steps_to_target_ci95").size());
        }
        assertEquals(5, Files.readAllLines(out.resolve("summary.csv")).size(), "header + 4 runs");
        for (String png : new String[] {"steps_to_target.png", "final_return.png", "learning_curves.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertEquals(900, image.getWidth(), png);
        }
        assertTrue(r.err().contains("4/4 runs"), "progress over all runs on stderr");
    }

    @Test
    void badVaryIsRefusedBeforeAnythingRuns() {
        Path out = tmp.resolve("never");
        Run name = cli("sweep", "--vary", "learning-speed=1,2", "--out", out.toString());
        assertEquals(2, name.status());
        assertTrue(name.err().contains("unknown hyperparameter 'learning-speed'"), name.err());
        Run value = cli("sweep", "--vary", "gae-lambda=0.9,1.5", "--out", out.toString());
        assertEquals(2, value.status());
        assertTrue(value.err().contains("--gae-lambda must be in [0, 1], got 1.5"), value.err());
        Run flag = cli("sweep", "--vary", "normalize-advantage=yes", "--out", out.toString());
        assertEquals(2, flag.status());
        Run shape = cli("sweep", "--vary", "gae-lambda", "--out", out.toString());
        assertEquals(2, shape.status());
        Run seed = cli("sweep", "--vary", "seed=1,2", "--out", out.toString());
        assertEquals(2, seed.status());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
