package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.PolicyKind;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --policy gaussian, then policy / evaluate / episode on its bundle; bench and sweep take it too. */
class GaussianCommandsTest {
    @TempDir
    static Path tmp;
    static Path bundle;
    static JsonObject summary;

    @BeforeAll
    static void trainTinyGaussianModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("gaussian");
        Run r = cli("train", "--policy", "gaussian", "--max-steps", "400", "--envs", "4", "--n-steps", "5",
                "--hidden", "8", "--device", "cpu", "--seed", "3", "--save", bundle.toString(),
                "--metrics", tmp.resolve("m.jsonl").toString());
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
    }

    @Test
    void trainUsesTheGaussianDefaultsAndSavesAGaussianBundle() throws Exception {
        JsonObject hp = summary.getAsJsonObject("hyperparameters");
        assertEquals("gaussian", hp.get("policy").getAsString());
        // the Gaussian defaults, not the categorical α 0.0025, β 0 and log σ 0: α by the Gaussian batch rule
        assertEquals(org.a2clab.train.BatchScaledLearningRate.GAUSSIAN.learningRate(4, 5), hp.get("lr").getAsDouble());
        assertEquals(0.01, hp.get("entropy").getAsDouble());
        assertEquals(0.5, hp.get("init_log_std").getAsDouble());
        try (LoadedModel m = ModelBundle.load(bundle, Device.cpu())) {
            assertEquals(PolicyKind.GAUSSIAN, m.network().policy());
        }
        String update = Files.readAllLines(tmp.resolve("m.jsonl")).stream().filter(l -> l.contains("\"update\""))
                .findFirst().orElseThrow();
        JsonObject u = JsonParser.parseString(update).getAsJsonObject();
        assertTrue(u.getAsJsonObject("action_std").get("mean").getAsDouble() > 0, update);
        assertTrue(u.has("action_mean"), update);
        // an explicit option still wins over the policy's default
        Run lr = cli("train", "--policy", "gaussian", "--lr", "0.002", "--max-steps", "40", "--envs", "4",
                "--hidden", "8", "--device", "cpu");
        List<String> lines = lr.out().lines().toList();
        assertEquals(0.002, JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject()
                .getAsJsonObject("hyperparameters").get("lr").getAsDouble());
    }

    @Test
    void policyPrintsMeanStdAndValue() throws Exception {
        Run r = cli("policy", "--model", bundle.toString(), "--obs", "0,0,0,0", "--obs", "0.1,-0.5,0.05,1.5");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        try (LoadedModel m = ModelBundle.load(bundle, Device.cpu())) {
            PolicyBatch p = m.network().evaluate(new float[][] {{0, 0, 0, 0}, {0.1f, -0.5f, 0.05f, 1.5f}});
            for (int i = 0; i < 2; i++) {
                JsonObject line = JsonParser.parseString(lines.get(i)).getAsJsonObject();
                assertEquals(List.of("obs", "mean", "std", "value"), List.copyOf(line.keySet()));
                assertEquals(p.mean(i), line.get("mean").getAsFloat());
                assertEquals(p.std(i), line.get("std").getAsFloat());
                assertEquals(p.values()[i], line.get("value").getAsFloat());
            }
        }
    }

    @Test
    void evaluateGreedyActsWithMu() throws Exception {
        Run r = cli("evaluate", "--model", bundle.toString(), "--episodes", "3", "--greedy", "--seed", "4");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals("greedy", j.get("mode").getAsString());
        try (LoadedModel m = ModelBundle.load(bundle, Device.cpu())) {
            double[] expected = Evaluation.run(m.network(), 3, true, 4).returns();
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], j.getAsJsonArray("returns").get(i).getAsDouble());
            }
        }
        assertEquals(0, cli("evaluate", "--model", bundle.toString(), "--episodes", "2").status());
    }

    @Test
    void episodeFramesHaveMeanStdActionForceAndLogProb() {
        Run r = cli("episode", "--model", bundle.toString(), "--seed", "2");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            JsonObject f = JsonParser.parseString(l).getAsJsonObject();
            assertFalse(f.has("probs"), l);
            double a = f.get("action").getAsDouble();
            double mean = f.get("mean").getAsDouble();
            double std = f.get("std").getAsDouble();
            assertEquals(10.0 * Math.max(-1, Math.min(1, a)), f.get("force").getAsDouble(), 1e-12, l);
            double z = (a - mean) / std;
            assertEquals(-Math.log(std) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z,
                    f.get("log_prob").getAsDouble(), 1e-5, l);
        }
        JsonObject greedy = JsonParser.parseString(cli("episode", "--model", bundle.toString(), "--greedy")
                .out().lines().findFirst().orElseThrow()).getAsJsonObject();
        assertEquals(greedy.get("mean").getAsDouble(), greedy.get("action").getAsDouble(), 1e-6);
    }

    @Test
    void benchAndSweepTakeThePolicyAndABadOneIsRefused() throws Exception {
        Run bench = cli("bench", "--policy", "gaussian", "--seeds", "2", "--max-steps", "400", "--envs", "4",
                "--hidden", "8", "--device", "cpu");
        assertEquals(0, bench.status(), bench.err());
        List<String> out = bench.out().lines().toList();
        JsonObject b = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        assertEquals(2, b.getAsJsonArray("runs").size());
        assertTrue(out.get(out.size() - 1).contains("\"policy\":\"gaussian\""), out.get(out.size() - 1));

        Path sweep = tmp.resolve("sweep");
        Run s = cli("sweep", "--policy", "gaussian", "--vary", "init-log-std=-1,0", "--seed-list", "2",
                "--max-steps", "400", "--envs", "4", "--hidden", "8", "--device", "cpu", "--out", sweep.toString());
        assertEquals(0, s.status(), s.err());
        assertTrue(Files.readString(sweep.resolve("summary.json")).contains("init-log-std"));

        Run bad = cli("train", "--policy", "beta");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--policy must be categorical or gaussian, got 'beta'"), bad.err());
        Run std = cli("train", "--policy", "gaussian", "--init-log-std", "3");
        assertEquals(2, std.status());
        assertTrue(std.err().contains("--init-log-std must be in [-5, 2]"), std.err());
    }

    @Test
    void policyOnACategoricalModelStillPrintsProbs() {
        Path categorical = tmp.resolve("categorical");
        assertEquals(0, cli("train", "--max-steps", "40", "--envs", "4", "--hidden", "8", "--device", "cpu",
                "--save", categorical.toString()).status());
        Run r = cli("policy", "--model", categorical.toString(), "--obs", "0,0,0,0");
        JsonObject line = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals(List.of("obs", "probs", "value"), List.copyOf(line.keySet()));
    }
}
