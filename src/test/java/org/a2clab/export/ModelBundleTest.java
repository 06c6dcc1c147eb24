package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.train.A2c;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    static final int HIDDEN = 16;
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(HIDDEN).withNumEnvs(4)
            .withNSteps(5).withSeed(7).withDevice(DeviceChoice.CPU);

    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    private static TrainingResult result(Hyperparameters hp) {
        return new TrainingResult(false, 1234, 56, 78, 1.5, 21.25, "CPU", hp);
    }

    /** A bundle of a freshly initialised network of {@code hidden} units. */
    private Path freshBundle(String name, int hidden, long seed) throws BundleException {
        Hyperparameters hp = HP.withHiddenSize(hidden).withSeed(seed);
        Path dir = tmp.resolve(name);
        try (ActorCritic net = new ActorCritic(hidden, seed, Device.cpu())) {
            ModelBundle.save(dir, net, result(hp));
        }
        return dir;
    }

    private static float[][] randomObservations(int n) {
        Random r = new Random(42);
        float[][] obs = new float[n][4];
        for (float[] o : obs) {
            o[0] = (float) (r.nextGaussian() * 1.0);
            o[1] = (float) (r.nextGaussian() * 1.5);
            o[2] = (float) (r.nextGaussian() * 0.1);
            o[3] = (float) (r.nextGaussian() * 1.5);
        }
        return obs;
    }

    @Test
    void roundTripGivesIdenticalPolicyAndValue() throws Exception {
        Path dir = tmp.resolve("bundle");
        MetricsLog log = new MetricsLog();
        float[][] obs = randomObservations(100);
        PolicyBatch before;
        TrainingResult result;
        try (A2c a2c = new A2c(HP)) {
            for (int i = 0; i < 20; i++) {
                UpdateStats s = a2c.update();
                log.record(s, a2c.finishedEpisodes());
            }
            result = new TrainingResult(false, a2c.envSteps(), a2c.updates(), a2c.episodes(),
                    a2c.trainingSeconds(), a2c.meanReturnLast100(), a2c.deviceName(), a2c.hyperparameters());
            before = a2c.network().evaluate(obs);
            ModelBundle.save(dir, a2c.network(), result, log);
        }
        for (String f : new String[] {"manifest.json", "model.safetensors", "actor-critic-0000.params",
                "metrics.csv", "episodes.csv"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        try (LoadedModel loaded = ModelBundle.load(dir, Device.cpu())) {
            PolicyBatch after = loaded.network().evaluate(obs);
            assertArrayEquals(before.actor(), after.actor());
            assertArrayEquals(before.values(), after.values());
            assertEquals(HP, loaded.hyperparameters());
            assertEquals(result, loaded.training());
            assertEquals(HIDDEN, loaded.network().hiddenSize());
            assertEquals(Manifest.FORMAT_VERSION, loaded.manifest().formatVersion());
            assertEquals(DjlRuntime.engineVersion(), loaded.manifest().versions().pytorch());
            assertEquals("0.33.0", loaded.manifest().versions().djl());
            assertEquals("0.1.0", loaded.manifest().versions().a2cLab());
        }
        // The same network also arrives through a .zip.
        Path zip = tmp.resolve("bundle.zip");
        ModelBundle.zip(dir, zip);
        try (LoadedModel loaded = ModelBundle.load(zip, Device.cpu())) {
            assertArrayEquals(before.actor(), loaded.network().evaluate(obs).actor());
            assertArrayEquals(before.values(), loaded.network().evaluate(obs).values());
        }
    }

    @Test
    void manifestHasArchitectureAndNaNMeanIsNull() throws Exception {
        Hyperparameters hp = HP;
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            ModelBundle.save(tmp.resolve("b"), net, new TrainingResult(false, 0, 0, 0, 0, Double.NaN, "CPU", hp));
        }
        String json = Files.readString(tmp.resolve("b/manifest.json"));
        assertTrue(json.contains("\"hidden_sizes\": [\n      16,\n      16\n    ]"), json);
        assertTrue(json.contains("\"activation\": \"relu\""), json);
        assertTrue(json.contains("\"mean_return_last100\": null"), json);
        try (LoadedModel m = ModelBundle.load(tmp.resolve("b"), Device.cpu())) {
            assertTrue(Double.isNaN(m.training().meanReturnLast100()));
        }
    }

    @Test
    void safetensorsHasPyTorchNamesAndShapes() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 3);
        SafeTensors.Contents c = SafeTensors.read(dir.resolve("model.safetensors"));
        assertEquals(StateDict.NAMES, java.util.List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new long[] {HIDDEN, 4}, c.tensors().get("shared.0.weight").shape());
        assertArrayEquals(new long[] {HIDDEN, HIDDEN}, c.tensors().get("shared.2.weight").shape());
        assertArrayEquals(new long[] {2, HIDDEN}, c.tensors().get("actor_head.weight").shape());
        assertArrayEquals(new long[] {1, HIDDEN}, c.tensors().get("critic_head.weight").shape());
        assertArrayEquals(new long[] {1}, c.tensors().get("critic_head.bias").shape());
        assertEquals("pt", c.metadata().get("format"));
        // Layout check: V(0) = critic_b + critic_w · relu(W2 · relu(b1) + b2), computed by hand.
        Map<String, F32Tensor> t = c.tensors();
        double[] h1 = new double[HIDDEN];
        for (int i = 0; i < HIDDEN; i++) {
            h1[i] = Math.max(0, t.get("shared.0.bias").data()[i]);
        }
        double v = t.get("critic_head.bias").data()[0];
        for (int j = 0; j < HIDDEN; j++) {
            double s = t.get("shared.2.bias").data()[j];
            for (int i = 0; i < HIDDEN; i++) {
                s += t.get("shared.2.weight").data()[j * HIDDEN + i] * h1[i];
            }
            v += t.get("critic_head.weight").data()[j] * Math.max(0, s);
        }
        try (LoadedModel m = ModelBundle.load(dir, Device.cpu())) {
            assertEquals(v, m.network().evaluate(new float[][] {{0, 0, 0, 0}}).values()[0], 1e-5);
        }
    }

    // ---- bad input: each names the problem ----

    private static String failure(Path path) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(path, Device.cpu()));
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    @Test
    void refusesMissingPathEmptyDirAndMissingFiles() throws Exception {
        assertMentions(failure(tmp.resolve("nope")), "does not exist");
        Files.createDirectory(tmp.resolve("empty"));
        assertMentions(failure(tmp.resolve("empty")), "is empty");
        for (String f : new String[] {"manifest.json", "model.safetensors", "actor-critic-0000.params"}) {
            Path dir = freshBundle("missing-" + f, HIDDEN, 1);
            Files.delete(dir.resolve(f));
            assertMentions(failure(dir), f, "is missing");
        }
    }

    @Test
    void refusesTruncatedSafetensors() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path st = dir.resolve("model.safetensors");
        byte[] all = Files.readAllBytes(st);
        Files.write(st, java.util.Arrays.copyOf(all, all.length / 2));
        assertMentions(failure(dir), "model.safetensors", "truncated");
        Files.write(st, java.util.Arrays.copyOf(all, 3));
        assertMentions(failure(dir), "model.safetensors", "truncated");
    }

    @Test
    void refusesHeaderLengthLargerThanFile() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path st = dir.resolve("model.safetensors");
        byte[] all = Files.readAllBytes(st);
        ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        Files.write(st, all);
        assertMentions(failure(dir), "header length 1099511627776", "does not fit");
    }

    @Test
    void refusesHeaderThatIsNotJson() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path st = dir.resolve("model.safetensors");
        byte[] all = Files.readAllBytes(st);
        all[8] = '[';
        all[9] = '}';
        Files.write(st, all);
        assertMentions(failure(dir), "model.safetensors", "not valid JSON");
    }

    @Test
    void refusesOtherDtype() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path st = dir.resolve("model.safetensors");
        String raw = new String(Files.readAllBytes(st), StandardCharsets.ISO_8859_1);
        Files.write(st, raw.replaceFirst("\"F32\"", "\"F64\"").getBytes(StandardCharsets.ISO_8859_1));
        assertMentions(failure(dir), "dtype F64", "only F32");
    }

    @Test
    void refusesShapesThatDisagreeWithManifest() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path manifest = dir.resolve("manifest.json");
        String m = Files.readString(manifest).replace("\"hidden\": 16", "\"hidden\": 8")
                .replace("16,\n      16", "8,\n      8");
        Files.writeString(manifest, m);
        assertMentions(failure(dir), "shared.0.weight", "[16, 4]", "hidden size 8", "[8, 4]");
    }

    private static void rewriteSafetensors(Path dir, java.util.function.Consumer<Map<String, F32Tensor>> edit)
            throws Exception {
        Path st = dir.resolve("model.safetensors");
        Map<String, F32Tensor> t = new LinkedHashMap<>(SafeTensors.read(st).tensors());
        edit.accept(t);
        Files.write(st, SafeTensors.encode(t, Map.of()));
    }

    @Test
    void refusesMissingTensor() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        rewriteSafetensors(dir, t -> t.remove("critic_head.bias"));
        assertMentions(failure(dir), "missing tensor 'critic_head.bias'");
    }

    @Test
    void refusesExtraTensor() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        rewriteSafetensors(dir, t -> t.put("extra.weight", new F32Tensor(new long[] {1}, new float[] {1})));
        assertMentions(failure(dir), "unexpected tensor 'extra.weight'");
    }

    @Test
    void refusesNewerFormatVersion() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\": 1", "\"format_version\": 2"));
        assertMentions(failure(dir), "format version 2", "newer");
    }

    @Test
    void extraFilesGoIntoTheBundleAndBadNamesAreRefused() throws Exception {
        Path dir = tmp.resolve("with-images");
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            ModelBundle.save(dir, net, result(HP), null, Map.of("chart.png", new byte[] {1, 2, 3}));
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("chart.png")));
            assertThrows(IllegalArgumentException.class, () -> ModelBundle.save(tmp.resolve("other"), net,
                    result(HP), null, Map.of("../escape.png", new byte[] {1})));
            assertFalse(Files.exists(tmp.resolve("escape.png")));
            assertFalse(Files.exists(tmp.resolve("other")));
        }
    }

    @Test
    void refusesInvalidManifestJson() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path manifest = dir.resolve("manifest.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.substring(0, good.length() / 2));
        assertMentions(failure(dir), "manifest.json", "not valid JSON");
        String lr = "\"lr\": " + HP.learningRate();
        assertTrue(good.contains(lr), good);
        Files.writeString(manifest, good.replace(lr, "\"lr\": 5.0"));
        assertMentions(failure(dir), "manifest.json", "--lr must be in");
        Files.writeString(manifest, good.replace("\"relu\"", "\"tanh\""));
        assertMentions(failure(dir), "activation must be relu");
    }

    @Test
    void refusesDjlParametersOfAnotherArchitecture() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path other = freshBundle("other", 8, 1);
        Files.copy(other.resolve("actor-critic-0000.params"), dir.resolve("actor-critic-0000.params"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertMentions(failure(dir), "actor-critic-0000.params", "another architecture", "hidden size 16");
    }

    @Test
    void refusesDjlParametersThatDisagreeWithSafetensors() throws Exception {
        Path dir = freshBundle("b", HIDDEN, 1);
        Path other = freshBundle("other", HIDDEN, 2);
        Files.copy(other.resolve("actor-critic-0000.params"), dir.resolve("actor-critic-0000.params"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertMentions(failure(dir), "differs from model.safetensors");
    }

    @Test
    void refusesHostileZips() throws Exception {
        Path evil = tmp.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("../escape.txt"));
            z.write(1);
            z.closeEntry();
        }
        assertMentions(failure(evil), "'../escape.txt'", "not a plain file name");
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
        Path notZip = tmp.resolve("notes.txt");
        Files.writeString(notZip, "hello");
        assertMentions(failure(notZip), "notes.txt", "zip");
    }

    // ---- saving ----

    @Test
    void refusesToReplaceANonBundleDirectoryAndLeavesItAlone() throws Exception {
        Path dir = tmp.resolve("documents");
        Files.createDirectory(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.save(dir, net, result(HP)));
            assertMentions(e.getMessage(), "documents", "'notes.txt'", "not a file of a model bundle");
        }
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void reportsUnwritableTargetAndReplacesAnOldBundleWhole() throws Exception {
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            BundleException e = assertThrows(BundleException.class,
                    () -> ModelBundle.save(tmp.resolve("no/such/dir"), net, result(HP)));
            assertMentions(e.getMessage(), "does not exist");
        }
        Path dir = freshBundle("b", HIDDEN, 1);
        Files.writeString(dir.resolve("metrics.csv"), "from the old bundle");
        freshBundle("b", HIDDEN, 2);
        assertFalse(Files.exists(dir.resolve("metrics.csv")), "the old bundle's files go with it");
        try (ActorCritic expected = new ActorCritic(HIDDEN, 2, Device.cpu());
                LoadedModel m = ModelBundle.load(dir, Device.cpu())) {
            float[][] obs = randomObservations(5);
            assertArrayEquals(expected.evaluate(obs).values(), m.network().evaluate(obs).values());
        }
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temp directories left behind");
        }
    }

    @Test
    void zipRefusesIncompleteBundle() throws IOException {
        Files.createDirectory(tmp.resolve("half"));
        Files.writeString(tmp.resolve("half/manifest.json"), "{}");
        BundleException e = assertThrows(BundleException.class,
                () -> ModelBundle.zip(tmp.resolve("half"), tmp.resolve("half.zip")));
        assertMentions(e.getMessage(), "model.safetensors is missing");
        assertFalse(Files.exists(tmp.resolve("half.zip")));
    }
}
