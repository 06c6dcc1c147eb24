package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.A2c;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Gaussian network's bundle: manifest, tensor names, ONNX outputs, round trip and refusals. */
class GaussianBundleTest {
    static final int HIDDEN = 16;
    static final Hyperparameters HP = Hyperparameters.GAUSSIAN_DEFAULTS.withHiddenSize(HIDDEN).withNumEnvs(4)
            .withSeed(5).withDevice(DeviceChoice.CPU).withInitialLogStd(-0.5);

    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /** A briefly trained Gaussian network (weights away from their initial values). */
    private Path trainedBundle(String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (A2c a2c = new A2c(HP)) {
            for (int i = 0; i < 20; i++) {
                a2c.update();
            }
            ModelBundle.save(dir, a2c.network(), new TrainingResult(false, a2c.envSteps(), a2c.updates(),
                    a2c.episodes(), 0.1, a2c.meanReturnLast100(), "CPU", HP));
        }
        return dir;
    }

    @Test
    void saveAndLoadGiveIdenticalMuSigmaAndValue() throws Exception {
        float[][] obs = OnnxExportTest.randomObservations(50, 3);
        Path dir = tmp.resolve("round");
        PolicyBatch before;
        try (A2c a2c = new A2c(HP)) {
            for (int i = 0; i < 20; i++) {
                a2c.update();
            }
            before = a2c.network().evaluate(obs);
            ModelBundle.save(dir, a2c.network(), new TrainingResult(false, a2c.envSteps(), a2c.updates(),
                    a2c.episodes(), 0.1, a2c.meanReturnLast100(), "CPU", HP));
        }
        for (Path source : new Path[] {dir, zipOf(dir)}) {
            try (LoadedModel loaded = ModelBundle.load(source, Device.cpu())) {
                assertEquals(PolicyKind.GAUSSIAN, loaded.network().policy());
                assertEquals(PolicyKind.GAUSSIAN, loaded.manifest().policy());
                assertEquals(HP, loaded.hyperparameters());
                PolicyBatch after = loaded.network().evaluate(obs);
                assertArrayEquals(before.actor(), after.actor(), "μ and σ of " + source);
                assertArrayEquals(before.values(), after.values(), "V of " + source);
            }
        }
    }

    private Path zipOf(Path dir) throws Exception {
        Path zip = tmp.resolve(dir.getFileName() + ".zip");
        ModelBundle.zip(dir, zip);
        return zip;
    }

    @Test
    void manifestAndSafetensorsNameTheGaussianHeads() throws Exception {
        Path dir = trainedBundle("names");
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("gaussian", m.get("policy").getAsString());
        JsonObject arch = m.getAsJsonObject("architecture");
        assertEquals(-5.0, arch.get("log_std_min").getAsDouble());
        assertEquals(2.0, arch.get("log_std_max").getAsDouble());
        assertEquals(1, arch.get("action_dim").getAsInt());
        assertEquals("gaussian", m.getAsJsonObject("hyperparameters").get("policy").getAsString());
        assertEquals(-0.5, m.getAsJsonObject("hyperparameters").get("init_log_std").getAsDouble());

        SafeTensors.Contents st = SafeTensors.read(dir.resolve(ModelBundle.SAFETENSORS_FILE));
        assertEquals(List.of("shared.0.weight", "shared.0.bias", "shared.2.weight", "shared.2.bias",
                "actor_mu.weight", "actor_mu.bias", "actor_log_std.weight", "actor_log_std.bias",
                "critic_head.weight", "critic_head.bias"), new ArrayList<>(st.tensors().keySet()));
        long[][] shapes = {{HIDDEN, 4}, {HIDDEN}, {HIDDEN, HIDDEN}, {HIDDEN}, {1, HIDDEN}, {1}, {1, HIDDEN}, {1},
            {1, HIDDEN}, {1}};
        int i = 0;
        for (F32Tensor t : st.tensors().values()) {
            assertArrayEquals(shapes[i++], t.shape());
        }
        assertEquals("gaussian", st.metadata().get("policy"));
    }

    @Test
    void onnxRuntimeGivesTheNetworksMeanStdAndValue() throws Exception {
        Path dir = trainedBundle("onnx");
        try (LoadedModel loaded = ModelBundle.load(dir, Device.cpu());
                OrtSession s = OnnxExportTest.session(Files.readAllBytes(dir.resolve(ModelBundle.ONNX_FILE)))) {
            assertEquals(List.of("mean", "std", "value"), new ArrayList<>(s.getOutputNames()));
            assertEquals("gaussian", s.getMetadata().getCustomMetadata().get("policy"));
            float[][] obs = OnnxExportTest.randomObservations(100, 8);
            PolicyBatch expected = loaded.network().evaluate(obs);
            try (OnnxTensor in = OnnxTensor.createTensor(OnnxExportTest.ORT, obs);
                    OrtSession.Result r = s.run(Map.of("obs", in))) {
                float[][] mean = (float[][]) r.get("mean").orElseThrow().getValue();
                float[][] std = (float[][]) r.get("std").orElseThrow().getValue();
                float[][] value = (float[][]) r.get("value").orElseThrow().getValue();
                for (int i = 0; i < obs.length; i++) {
                    assertEquals(expected.mean(i), mean[i][0], 1e-5, "μ row " + i);
                    assertEquals(expected.std(i), std[i][0], 1e-5 * expected.std(i), "σ row " + i);
                    assertEquals(expected.values()[i], value[i][0], 1e-5, "V row " + i);
                }
            }
        }
    }

    /** ONNX's Clip is the same clamp: a log σ head far outside the range gives σ at its bounds. */
    @Test
    void onnxClampsLogStdLikeTheNetwork() throws Exception {
        for (float bias : new float[] {9f, -9f}) {
            try (ActorCritic net = new ActorCritic(PolicyKind.GAUSSIAN, 8, 1, Device.cpu(), bias)) {
                Map<String, F32Tensor> t = new LinkedHashMap<>(StateDict.of(net));
                t.put("actor_log_std.weight", new F32Tensor(new long[] {1, 8}, new float[8]));
                StateDict.copyInto(t, net);
                float[][] obs = OnnxExportTest.randomObservations(5, 1);
                PolicyBatch p = net.evaluate(obs);
                double bound = Math.exp(bias > 0 ? GaussianPolicy.LOG_STD_MAX : GaussianPolicy.LOG_STD_MIN);
                try (OrtSession s = OnnxExportTest.session(OnnxExport.encode(StateDict.of(net), PolicyKind.GAUSSIAN, 8));
                        OnnxTensor in = OnnxTensor.createTensor(OnnxExportTest.ORT, obs);
                        OrtSession.Result r = s.run(Map.of("obs", in))) {
                    float[][] std = (float[][]) r.get("std").orElseThrow().getValue();
                    for (int i = 0; i < obs.length; i++) {
                        assertEquals(bound, p.std(i), 1e-6 * bound);
                        assertEquals(bound, std[i][0], 1e-6 * bound);
                    }
                }
            }
        }
    }

    @Test
    void aGaussianBundleReadAsCategoricalAndTheReverseAreRefused() throws Exception {
        Path dir = trainedBundle("mismatch");
        Path manifest = dir.resolve("manifest.json");
        String gaussian = Files.readString(manifest);
        // the manifest claims categorical (both places, architecture too): the tensors say otherwise
        Files.writeString(manifest, gaussian.replace("\"policy\": \"gaussian\"", "\"policy\": \"categorical\"")
                .replace("\"action_dim\": 1", "\"actions\": 2"));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("holds a gaussian policy's tensors (actor_mu) but the manifest says categorical"),
                e.getMessage());
        // top-level policy and hyperparameters.policy disagree
        int inHyperparameters = gaussian.lastIndexOf("\"policy\": \"gaussian\"");
        Files.writeString(manifest, gaussian.substring(0, inHyperparameters) + "\"policy\": \"categorical\""
                + gaussian.substring(inHyperparameters + "\"policy\": \"gaussian\"".length()));
        e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("policy is gaussian but hyperparameters.policy says categorical"), e.getMessage());
        // other clamp bounds would act differently here
        Files.writeString(manifest, gaussian.replace("\"log_std_min\": -5.0", "\"log_std_min\": -20.0"));
        e = assertThrows(BundleException.class, () -> ModelBundle.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("log_std_min"), e.getMessage());
        Files.writeString(manifest, gaussian);

        // the reverse: a categorical bundle whose manifest claims gaussian
        Path categorical = tmp.resolve("categorical");
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(HIDDEN);
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            ModelBundle.save(categorical, net, new TrainingResult(false, 0, 0, 0, 0, Double.NaN, "CPU", hp));
        }
        Path cm = categorical.resolve("manifest.json");
        String text = Files.readString(cm);
        assertTrue(text.contains("\"policy\": \"categorical\""), text);
        Files.writeString(cm, text.replace("\"policy\": \"categorical\"", "\"policy\": \"gaussian\"")
                .replace("\"actions\": 2", "\"action_dim\": 1, \"log_std_min\": -5.0, \"log_std_max\": 2.0"));
        e = assertThrows(BundleException.class, () -> ModelBundle.load(categorical, Device.cpu()));
        assertTrue(e.getMessage().contains("holds a categorical policy's tensors (actor_head) but the manifest says gaussian"),
                e.getMessage());
        // a categorical network cannot be saved under Gaussian hyperparameters either
        try (ActorCritic net = new ActorCritic(HIDDEN, 1, Device.cpu())) {
            assertThrows(IllegalArgumentException.class, () -> ModelBundle.save(tmp.resolve("x"), net,
                    new TrainingResult(false, 0, 0, 0, 0, Double.NaN, "CPU", HP)));
        }
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void continuingALoadedGaussianModelTrainsItAsGaussianAndAMismatchIsRefused() throws Exception {
        Path dir = trainedBundle("continue");
        try (LoadedModel loaded = ModelBundle.load(dir, Device.cpu());
                A2c a2c = new A2c(loaded.hyperparameters(), loaded.network())) {
            assertEquals(PolicyKind.GAUSSIAN, a2c.hyperparameters().policy());
            assertEquals(PolicyKind.GAUSSIAN, a2c.update().policy());
        }
        LoadedModel loaded = ModelBundle.load(dir, Device.cpu());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new A2c(loaded.hyperparameters().withPolicy(PolicyKind.CATEGORICAL), loaded.network()));
        assertTrue(e.getMessage().contains("network has a gaussian policy but hyperparameters say categorical"),
                e.getMessage());
        loaded.close();
    }

    @Test
    void metricsCsvKeepsTheMuAndSigmaSummaries() throws Exception {
        org.a2clab.train.MetricsLog log = new org.a2clab.train.MetricsLog();
        try (A2c a2c = new A2c(HP)) {
            for (int i = 0; i < 3; i++) {
                log.record(a2c.update(), a2c.finishedEpisodes());
            }
        }
        MetricsCsv.write(tmp, log);
        String header = Files.readAllLines(tmp.resolve(MetricsCsv.UPDATES_FILE)).get(0);
        assertTrue(header.endsWith(",action_mean_mean,action_mean_std,action_mean_min,action_mean_max,"
                + "action_std_mean,action_std_std,action_std_min,action_std_max"), header);
        List<org.a2clab.train.UpdateStats> back = MetricsCsv.read(tmp, 100).updates();
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(log.updates().get(i).actionMean(), back.get(i).actionMean());
            assertEquals(log.updates().get(i).actionStd(), back.get(i).actionStd());
        }
    }

    @Test
    void categoricalManifestsWithoutAPolicyKeyStillRead() throws Exception {
        Manifest m = Manifest.parse(HyperparametersJsonTest.VERSION_1_MANIFEST);
        assertEquals(PolicyKind.CATEGORICAL, m.policy());
        assertTrue(m.toJson().contains("\"policy\": \"categorical\""));
    }
}
