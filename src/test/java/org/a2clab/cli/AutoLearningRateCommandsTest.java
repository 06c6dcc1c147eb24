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
import org.a2clab.train.BatchScaledLearningRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --lr, α follows --envs × --n-steps and stderr says so; with --lr nothing changes. */
class AutoLearningRateCommandsTest {
    static final BatchScaledLearningRate RULE = BatchScaledLearningRate.CATEGORICAL;
    static final String[] TINY = {"--max-steps", "200", "--hidden", "16", "--device", "cpu", "--eval-every", "0"};

    @TempDir
    Path tmp;

    static String line(int workers, int n) {
        return "α " + BatchScaledLearningRate.plain(RULE.learningRate(workers, n)) + " derived from " + workers
                + " workers × " + n + " steps (" + RULE.explain(workers, n) + "); --lr sets it by hand";
    }

    private static String[] args(String... more) {
        String[] out = new String[TINY.length + more.length];
        System.arraycopy(more, 0, out, 0, more.length);
        System.arraycopy(TINY, 0, out, more.length, TINY.length);
        return out;
    }

    private static JsonObject manifestHyperparameters(Path bundle) throws Exception {
        return JsonParser.parseString(Files.readString(bundle.resolve("manifest.json"))).getAsJsonObject()
                .getAsJsonObject("hyperparameters");
    }

    @Test
    void trainDerivesAlphaSaysSoAndTheManifestRecordsIt() throws Exception {
        Path bundle = tmp.resolve("auto");
        Run r = cli(args("train", "--envs", "8", "--n-steps", "5", "--save", bundle.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().lines().anyMatch(line(8, 5)::equals), r.err());
        JsonObject hp = manifestHyperparameters(bundle);
        assertTrue(hp.get("learning_rate_derived").getAsBoolean());
        assertEquals(RULE.learningRate(8, 5), hp.get("lr").getAsDouble());
        List<String> out = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertTrue(summary.getAsJsonObject("hyperparameters").get("learning_rate_derived").getAsBoolean());
    }

    @Test
    void trainWithLrKeepsItSaysNothingAndTheManifestSaysByHand() throws Exception {
        Path bundle = tmp.resolve("hand");
        Run r = cli(args("train", "--envs", "8", "--lr", "0.0025", "--save", bundle.toString()));
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("derived"), r.err());
        JsonObject hp = manifestHyperparameters(bundle);
        assertFalse(hp.get("learning_rate_derived").getAsBoolean());
        assertEquals(0.0025, hp.get("lr").getAsDouble());
    }

    @Test
    void sweepOverWorkersDerivesOneAlphaPerValue() throws Exception {
        Path out = tmp.resolve("sweep");
        Run r = cli(args("sweep", "--vary", "envs=4,8", "--seed-list", "2", "--out", out.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().lines().anyMatch(line(4, 5)::equals), r.err());
        assertTrue(r.err().lines().anyMatch(line(8, 5)::equals), r.err());
        for (int w : new int[] {4, 8}) {
            JsonObject result = JsonParser.parseString(Files.readString(out.resolve("runs/envs=" + w + "/seed-2/result.json")))
                    .getAsJsonObject().getAsJsonObject("hyperparameters");
            assertEquals(RULE.learningRate(w, 5), result.get("lr").getAsDouble());
            assertTrue(result.get("learning_rate_derived").getAsBoolean(), "a run's files record it too");
        }
    }

    @Test
    void sweepOverAlphaAndBenchWithLrDeriveNothing() {
        Run sweep = cli(args("sweep", "--vary", "lr=0.001,0.002", "--seed-list", "2", "--out", tmp.resolve("s").toString()));
        assertEquals(0, sweep.status(), sweep.err());
        assertFalse(sweep.err().contains("derived"), sweep.err());
        Run bench = cli(args("bench", "--seeds", "1", "--envs", "4", "--n-steps", "10"));
        assertEquals(0, bench.status(), bench.err());
        assertTrue(bench.err().lines().anyMatch(line(4, 10)::equals), bench.err());
    }

    @Test
    void helpSaysWhereTheDefaultAlphaComesFrom() {
        for (String command : new String[] {"train", "bench", "sweep"}) {
            String help = cli(command, "--help").out();
            assertTrue(help.contains("--lr X              learning rate, 1e-5-0.1, set by hand; without it, derived from\n"
                    + "                      the batch B = envs x n-steps as " + BatchScaledLearningRate.plain(RULE.baseLr())
                    + " * (B/80)^" + BatchScaledLearningRate.plain(RULE.exponent()) + "\n"
                    + "                      within [" + BatchScaledLearningRate.plain(RULE.minLr())
                    + ", " + BatchScaledLearningRate.plain(RULE.maxLr()) + "] (0.0025 at 16 x 5); stderr says the value\n"), help);
            assertTrue(help.contains("--lr to 0.002 * (B/80)^0.5 within [0.00001, 0.003] (derived)"), help);
        }
    }
}
