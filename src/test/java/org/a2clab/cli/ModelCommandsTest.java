package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import java.util.stream.Collectors;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --save, then evaluate / policy / export on the bundle, through {@link Cli#run}. */
class ModelCommandsTest {
    @TempDir
    static Path tmp;
    static Path bundle;

    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void trainTinyModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("model");
        Run r = cli("train", "--max-steps", "400", "--envs", "4", "--n-steps", "5", "--hidden", "8",
                "--device", "cpu", "--seed", "3", "--save", bundle.toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void trainSaveWritesTheWholeBundleWithMetrics() throws Exception {
        for (String f : new String[] {"manifest.json", "model.safetensors", "actor-critic-0000.params",
                "model.onnx", "metrics.csv", "episodes.csv"}) {
            assertTrue(Files.isRegularFile(bundle.resolve(f)), f);
        }
        // 400 steps at 4 envs × 5 steps = 20 updates: one CSV row each after the header.
        assertEquals(1 + 20, Files.readAllLines(bundle.resolve("metrics.csv")).size());
        try (LoadedModel m = ModelBundle.load(bundle, Device.cpu())) {
            assertEquals(20, m.training().updates());
            long episodes = m.training().episodes();
            assertEquals(1 + episodes, Files.readAllLines(bundle.resolve("episodes.csv")).size());
            assertEquals(3, m.hyperparameters().seed());
        }
    }

    /**
     * Greedy returns against episodes played here with the plain-Java forward pass of the saved
     * weights and CartPole seeded as the command documents (start states from --seed).
     */
    @Test
    void evaluatePrintsTheGreedyReturnsOfTheSavedWeights() throws Exception {
        Run r = cli("evaluate", "--model", bundle.toString(), "--episodes", "3", "--greedy", "--seed", "5");
        assertEquals(0, r.status(), r.err());
        JsonObject j = JsonParser.parseString(r.out().trim()).getAsJsonObject();
        assertEquals("greedy", j.get("mode").getAsString());
        assertEquals(3, j.get("episodes").getAsInt());
        assertTrue(r.err().startsWith("greedy return over 3 episodes"), r.err());
        PlainForward net = new PlainForward(bundle);
        org.a2clab.env.CartPole env = new org.a2clab.env.CartPole(5);
        double[] expected = new double[3];
        for (int e = 0; e < 3; e++) {
            float[] obs = env.reset();
            boolean done = false;
            while (!done) {
                double[] p = net.evaluate(obs);
                org.a2clab.env.StepResult step = env.step(p[1] > p[0] ? 1 : 0);
                expected[e] += step.reward();
                obs = step.observation();
                done = step.done();
            }
        }
        JsonArray returns = j.getAsJsonArray("returns");
        for (int e = 0; e < 3; e++) {
            assertEquals(expected[e], returns.get(e).getAsDouble(), "episode " + e);
        }
        assertEquals((expected[0] + expected[1] + expected[2]) / 3, j.get("mean_return").getAsDouble(), 1e-9);
        Run sampled = cli("evaluate", "--model", bundle.toString(), "--episodes", "2");
        assertEquals(0, sampled.status(), sampled.err());
        assertEquals("sampled", JsonParser.parseString(sampled.out().trim()).getAsJsonObject().get("mode").getAsString());
    }

    @Test
    void policyPrintsOneLinePerObservation() throws Exception {
        Run r = cli("policy", "--model", bundle.toString(), "--obs", "0,0,0,0", "--obs", "0.1,-0.5,0.05,1.5");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().collect(Collectors.toList());
        assertEquals(2, lines.size());
        // the oracle: the saved weights' forward pass written out in plain Java
        PlainForward net = new PlainForward(bundle);
        float[][] given = {{0, 0, 0, 0}, {0.1f, -0.5f, 0.05f, 1.5f}};
        for (int i = 0; i < 2; i++) {
            double[] p = net.evaluate(given[i]);
            JsonObject j = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            assertEquals(Set.of("obs", "probs", "value"), j.keySet());
            JsonArray probs = j.getAsJsonArray("probs");
            assertEquals(p[0], probs.get(0).getAsDouble(), 1e-5);
            assertEquals(p[1], probs.get(1).getAsDouble(), 1e-5);
            assertEquals(1.0, probs.get(0).getAsDouble() + probs.get(1).getAsDouble(), 1e-6);
            assertEquals(p[2], j.get("value").getAsDouble(), 1e-5 * Math.max(1, Math.abs(p[2])));
        }
        JsonArray obs = JsonParser.parseString(lines.get(1)).getAsJsonObject().getAsJsonArray("obs");
        assertArrayEquals(new float[] {0.1f, -0.5f, 0.05f, 1.5f}, new float[] {obs.get(0).getAsFloat(),
                obs.get(1).getAsFloat(), obs.get(2).getAsFloat(), obs.get(3).getAsFloat()});
    }

    @Test
    void exportPacksTheBundleIntoALoadableZip() throws Exception {
        Path zip = tmp.resolve("model.zip");
        Run r = cli("export", "--model", bundle.toString(), "--zip", zip.toString());
        assertEquals(0, r.status(), r.err());
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(Set.of("manifest.json", "model.safetensors", "actor-critic-0000.params", "model.onnx",
                    "metrics.csv", "episodes.csv"), z.stream().map(e -> e.getName()).collect(Collectors.toSet()));
        }
        Run fromZip = cli("policy", "--model", zip.toString(), "--obs", "0,0,0,0");
        Run fromDir = cli("policy", "--model", bundle.toString(), "--obs", "0,0,0,0");
        assertEquals(0, fromZip.status(), fromZip.err());
        assertEquals(fromDir.out(), fromZip.out());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        Run missing = cli("evaluate", "--model", tmp.resolve("nope").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("does not exist"), missing.err());

        Run noModel = cli("policy", "--obs", "0,0,0,0");
        assertEquals(2, noModel.status());
        assertTrue(noModel.err().contains("--model is required"), noModel.err());

        Run shortObs = cli("policy", "--model", bundle.toString(), "--obs", "1,2,3");
        assertEquals(2, shortObs.status());
        assertTrue(shortObs.err().contains("needs 4 comma-separated numbers"), shortObs.err());

        Run episodes = cli("evaluate", "--model", bundle.toString(), "--episodes", "0");
        assertEquals(2, episodes.status());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Run broken = cli("export", "--model", empty.toString(), "--zip", tmp.resolve("x.zip").toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("is empty"), broken.err());
        assertFalse(Files.exists(tmp.resolve("x.zip")));

        Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
        Run underFile = cli("export", "--model", bundle.toString(), "--zip", aFile.resolve("x.zip").toString());
        assertEquals(2, underFile.status());
        assertTrue(underFile.err().contains("cannot create directory"), underFile.err());

        // missing parent directories are created, as mkdir -p would
        Run nested = cli("export", "--model", bundle.toString(), "--zip", tmp.resolve("new/dir/x.zip").toString());
        assertEquals(0, nested.status(), nested.err());
        assertTrue(Files.isRegularFile(tmp.resolve("new/dir/x.zip")));
    }

    @Test
    void aZipTargetThatIsADirectoryIsRefusedAndKept() throws Exception {
        Path occupied = Files.createDirectory(tmp.resolve("occupied.zip"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        Run r = cli("export", "--model", bundle.toString(), "--zip", occupied.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("occupied.zip") && r.err().contains("it is a directory"), r.err());
        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));
    }

    @Test
    void helpListsTheNewCommands() {
        Run r = cli("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("evaluate") && r.out().contains("policy") && r.out().contains("export"), r.out());
        assertEquals(0, cli("policy", "--help").status());
    }
}
