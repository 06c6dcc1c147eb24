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
        // one pair, 0.9 against 1, P counted over the 2 × 2 run pairs of the summary's own runs
        JsonArray pairwise = summary.getAsJsonArray("pairwise");
        assertEquals(1, pairwise.size());
        JsonObject pair = pairwise.get(0).getAsJsonObject();
        assertEquals(java.util.Set.of("a", "b", "p_a_faster", "p_a_faster_ci95", "p_a_higher_return",
                "p_a_higher_return_ci95"), pair.keySet());
        assertEquals(0.9, pair.get("a").getAsDouble());
        assertEquals(1, pair.get("b").getAsInt());
        double[][] steps = new double[2][2];
        double[][] finals = new double[2][2];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < 2; k++) {
                JsonObject run = groups.get(g).getAsJsonObject().getAsJsonArray("runs").get(k).getAsJsonObject();
                steps[g][k] = run.get("env_steps_to_target").isJsonNull() ? Double.POSITIVE_INFINITY
                        : run.get("env_steps_to_target").getAsDouble();
                finals[g][k] = run.get("final_mean_return").isJsonNull() ? 0 : run.get("final_mean_return").getAsDouble();
            }
        }
        assertEquals(pairs(steps[0], steps[1], true), pair.get("p_a_faster").getAsDouble(), 1e-4);
        assertEquals(pairs(finals[0], finals[1], false), pair.get("p_a_higher_return").getAsDouble(), 1e-4);
        for (String key : new String[] {"p_a_faster", "p_a_higher_return"}) {
            JsonArray ci = pair.getAsJsonArray(key + "_ci95");
            double p = pair.get(key).getAsDouble();
            assertTrue(ci.get(0).getAsDouble() <= p && p <= ci.get(1).getAsDouble(), key + " " + ci);
        }
        assertEquals(1, summary.getAsJsonArray("seeds_needed").size());

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(8, csv.size(), "header + 4 runs, a blank line, the pairwise header + 1 pair");
        assertEquals("", csv.get(5));
        assertEquals("a,b,p_a_faster,p_a_faster_ci95_low,p_a_faster_ci95_high,p_a_higher_return,"
                + "p_a_higher_return_ci95_low,p_a_higher_return_ci95_high", csv.get(6));
        assertTrue(csv.get(7).startsWith(String.format(java.util.Locale.ROOT, "0.9,1,%.4f,",
                pair.get("p_a_faster").getAsDouble())), csv.get(7));
        for (String png : new String[] {"steps_to_target.png", "final_return.png", "learning_curves.png",
                "performance_profile.png", "iqm_curves.png"}) {
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertEquals(900, image.getWidth(), png);
        }
        assertTrue(r.err().contains("4/4 runs"), "progress over all runs on stderr");
    }

    /** P(a better) by counting pairs, ties ½, written out again here. */
    private static double pairs(double[] a, double[] b, boolean fewerIsBetter) {
        double wins = 0;
        for (double x : a) {
            for (double y : b) {
                wins += x == y ? 0.5 : (fewerIsBetter ? x < y : x > y) ? 1 : 0;
            }
        }
        return wins / (a.length * b.length);
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
