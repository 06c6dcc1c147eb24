package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.onnx as ONNX Runtime and a protobuf decoder see it, against the network it came from. */
class OnnxExportTest {
    static final OrtEnvironment ORT = OrtEnvironment.getEnvironment();

    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /** A network with weights scaled up, so π is far from ½ and V far from 0: differences show. */
    static ActorCritic sharpNetwork(int hidden, long seed) {
        ActorCritic net = new ActorCritic(hidden, seed, Device.cpu());
        Map<String, F32Tensor> scaled = new LinkedHashMap<>();
        StateDict.of(net).forEach((name, t) -> {
            float[] v = t.data().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] *= 2.5f;
            }
            scaled.put(name, new F32Tensor(t.shape(), v));
        });
        StateDict.copyInto(scaled, net);
        return net;
    }

    static float[][] randomObservations(int n, long seed) {
        Random r = new Random(seed);
        float[][] obs = new float[n][4];
        for (float[] o : obs) {
            o[0] = (float) (r.nextDouble() * 4.8 - 2.4);
            o[1] = (float) (r.nextGaussian() * 1.5);
            o[2] = (float) (r.nextDouble() * 0.42 - 0.21);
            o[3] = (float) (r.nextGaussian() * 1.5);
        }
        return obs;
    }

    static OrtSession session(byte[] model) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        return ORT.createSession(model, options);
    }

    /** probs [n][2] and value [n][1] of the ONNX model for {@code obs}. */
    static float[][][] run(OrtSession s, float[][] obs) throws OrtException {
        try (OnnxTensor in = OnnxTensor.createTensor(ORT, obs); OrtSession.Result r = s.run(Map.of("obs", in))) {
            return new float[][][] {(float[][]) r.get("probs").orElseThrow().getValue(),
                    (float[][]) r.get("value").orElseThrow().getValue()};
        }
    }

    @Test
    void onnxRuntimeGivesTheNetworksPolicyAndValueForAnyBatchSize() throws Exception {
        for (int hidden : new int[] {8, 128}) {
            try (ActorCritic net = sharpNetwork(hidden, 11 + hidden);
                    OrtSession s = session(OnnxExport.encode(StateDict.of(net), hidden))) {
                for (int batch : new int[] {1, 7, 100}) {
                    float[][] obs = randomObservations(batch, batch);
                    PolicyBatch expected = net.evaluate(obs);
                    float[][][] got = run(s, obs);
                    assertEquals(batch, got[0].length);
                    double pRange = 0;
                    for (int i = 0; i < batch; i++) {
                        assertEquals(expected.probLeft(i), got[0][i][0], 1e-5, "pi(left) row " + i);
                        assertEquals(expected.probRight(i), got[0][i][1], 1e-5, "pi(right) row " + i);
                        assertEquals(expected.values()[i], got[1][i][0], 1e-5, "V row " + i);
                        pRange = Math.max(pRange, Math.abs(got[0][i][0] - 0.5));
                    }
                    if (batch == 100) {
                        // the comparison means something only if the policy is not a coin flip everywhere
                        assertTrue(pRange > 0.2, "policy too flat to test: " + pRange);
                    }
                }
            }
        }
    }

    @Test
    void graphDeclaresObsProbsValueWithDynamicBatchAtOpset13() throws Exception {
        byte[] bytes;
        try (ActorCritic net = new ActorCritic(16, 3, Device.cpu())) {
            bytes = OnnxExport.encode(StateDict.of(net), 16);
        }
        ProtoFields model = ProtoFields.parse(bytes);
        assertEquals(7, model.integer(1), "ir_version");
        List<ProtoFields> opsets = model.messages(8);
        assertEquals(1, opsets.size());
        assertFalse(opsets.get(0).has(1) && !opsets.get(0).string(1).isEmpty(), "default ai.onnx domain");
        assertEquals(13, opsets.get(0).integer(2), "opset");
        assertEquals("A2C Lab", model.string(2));

        ProtoFields graph = model.message(7);
        List<ProtoFields> inputs = graph.messages(11);
        List<ProtoFields> outputs = graph.messages(12);
        assertEquals(List.of("obs"), names(inputs));
        assertEquals(List.of("probs", "value"), names(outputs));
        assertEquals(List.of("batch", "4"), dims(inputs.get(0)));
        assertEquals(List.of("batch", "2"), dims(outputs.get(0)));
        assertEquals(List.of("batch", "1"), dims(outputs.get(1)));
        List<String> ops = new ArrayList<>();
        for (ProtoFields node : graph.messages(1)) {
            ops.add(node.string(4));
        }
        assertEquals(List.of("Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax", "Gemm"), ops);

        try (OrtSession s = session(bytes)) {
            assertEquals(List.of("obs"), new ArrayList<>(s.getInputNames()));
            assertEquals(List.of("probs", "value"), new ArrayList<>(s.getOutputNames()));
            assertShape(s.getInputInfo().get("obs"), 4);
            assertShape(s.getOutputInfo().get("probs"), 2);
            assertShape(s.getOutputInfo().get("value"), 1);
            OnnxModelMetadata meta = s.getMetadata();
            assertEquals("A2C Lab", meta.getProducerName());
            assertEquals("categorical", meta.getCustomMetadata().get("policy"));
            assertEquals("16", meta.getCustomMetadata().get("hidden_size"));
        }
    }

    private static void assertShape(NodeInfo info, long features) {
        TensorInfo t = (TensorInfo) info.getInfo();
        assertArrayEquals(new long[] {-1, features}, t.getShape(), info.getName());
        assertEquals("batch", t.getDimensionNames()[0], info.getName());
        assertEquals(ai.onnxruntime.OnnxJavaType.FLOAT, t.type, info.getName());
    }

    @Test
    void weightsAreTheSafetensorsValuesBitForBit() throws Exception {
        Path dir = tmp.resolve("bundle");
        try (ActorCritic net = sharpNetwork(16, 5)) {
            ModelBundle.save(dir, net, new org.a2clab.train.TrainingResult(false, 1, 1, 0, 0.1, Double.NaN, "CPU",
                    org.a2clab.train.Hyperparameters.DEFAULTS.withHiddenSize(16)));
        }
        Map<String, F32Tensor> safetensors = SafeTensors.read(dir.resolve(ModelBundle.SAFETENSORS_FILE)).tensors();
        ProtoFields graph = ProtoFields.parse(Files.readAllBytes(dir.resolve(ModelBundle.ONNX_FILE))).message(7);
        List<String> names = new ArrayList<>();
        for (ProtoFields t : graph.messages(5)) {
            String name = t.string(8);
            names.add(name);
            assertEquals(1, t.integer(2), name + " is float32");
            F32Tensor expected = safetensors.get(name);
            assertEquals(toList(expected.shape()), t.packedIntegers(1), name);
            float[] values = new float[expected.data().length];
            ByteBuffer.wrap(t.bytes(9)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            assertArrayEquals(expected.data(), values, 0f, name);
        }
        assertEquals(StateDict.NAMES, names);
    }

    @Test
    void writeReplacesAFileWholeAndRefusesADirectoryOrMissingParent() throws Exception {
        Path file = tmp.resolve("policy.onnx");
        Files.writeString(file, "an older file");
        Path dir = Files.createDirectory(tmp.resolve("taken.onnx"));
        Files.writeString(dir.resolve("keep.txt"), "keep");
        try (ActorCritic net = new ActorCritic(8, 1, Device.cpu())) {
            OnnxExport.write(net, file);
            assertArrayEquals(OnnxExport.encode(StateDict.of(net), 8), Files.readAllBytes(file));

            BundleException isDir = assertThrows(BundleException.class, () -> OnnxExport.write(net, dir));
            assertTrue(isDir.getMessage().contains("is a directory"), isDir.getMessage());
            BundleException noParent = assertThrows(BundleException.class,
                    () -> OnnxExport.write(net, tmp.resolve("missing/policy.onnx")));
            assertTrue(noParent.getMessage().contains("does not exist"), noParent.getMessage());
        }
        assertEquals("keep", Files.readString(dir.resolve("keep.txt")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temporary files left behind");
        }
    }

    private static List<String> names(List<ProtoFields> valueInfos) {
        List<String> out = new ArrayList<>();
        for (ProtoFields v : valueInfos) {
            out.add(v.string(1));
        }
        return out;
    }

    /** A ValueInfoProto's float32 tensor shape: dim_param names or dim_value numbers as text. */
    private static List<String> dims(ProtoFields valueInfo) {
        ProtoFields tensorType = valueInfo.message(2).message(1);
        assertEquals(1, tensorType.integer(1), "elem_type float32");
        List<String> out = new ArrayList<>();
        for (ProtoFields d : tensorType.message(2).messages(1)) {
            out.add(d.has(2) ? d.string(2) : Long.toString(d.integer(1)));
        }
        return out;
    }

    private static List<Long> toList(long[] a) {
        List<Long> out = new ArrayList<>();
        for (long v : a) {
            out.add(v);
        }
        return out;
    }
}
