package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --onnx} through {@link Cli#run}, checked against the {@code policy} command in ONNX Runtime. */
class OnnxExportCommandTest {
    @TempDir
    static Path tmp;
    static Path bundle;

    @BeforeAll
    static void trainSmallModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("model");
        Run r = ModelCommandsTest.cli("train", "--max-steps", "4000", "--envs", "4", "--n-steps", "5", "--hidden", "16",
                "--device", "cpu", "--seed", "4", "--save", bundle.toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void onnxRuntimeAgreesWithThePolicyCommandOn100RandomObservations() throws Exception {
        Path onnx = tmp.resolve("out/policy.onnx");
        Run export = ModelCommandsTest.cli("export", "--model", bundle.toString(), "--onnx", onnx.toString());
        assertEquals(0, export.status(), export.err());
        assertTrue(export.err().contains("wrote " + onnx.toAbsolutePath()), export.err());

        Random random = new Random(2024);
        float[][] obs = new float[100][4];
        List<String> args = new ArrayList<>(List.of("policy", "--model", bundle.toString()));
        for (float[] o : obs) {
            o[0] = (float) (random.nextDouble() * 4.8 - 2.4);
            o[1] = (float) (random.nextGaussian() * 1.5);
            o[2] = (float) (random.nextDouble() * 0.42 - 0.21);
            o[3] = (float) (random.nextGaussian() * 1.5);
            // Float.toString is exact: the command parses the same float32 back
            args.add("--obs");
            args.add(o[0] + "," + o[1] + "," + o[2] + "," + o[3]);
        }
        Run policy = ModelCommandsTest.cli(args.toArray(new String[0]));
        assertEquals(0, policy.status(), policy.err());
        List<String> lines = policy.out().lines().collect(Collectors.toList());
        assertEquals(100, lines.size());

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] probs;
        float[][] values;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession s = env.createSession(onnx.toString(), options);
                    OnnxTensor in = OnnxTensor.createTensor(env, obs);
                    OrtSession.Result r = s.run(Map.of("obs", in))) {
                probs = (float[][]) r.get("probs").orElseThrow().getValue();
                values = (float[][]) r.get("value").orElseThrow().getValue();
            }
        }
        double maxDiff = 0;
        double minProb = 1;
        for (int i = 0; i < 100; i++) {
            JsonObject line = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            JsonArray echoed = line.getAsJsonArray("obs");
            for (int k = 0; k < 4; k++) {
                assertEquals(obs[i][k], echoed.get(k).getAsFloat(), "observation " + i + " went in unchanged");
            }
            JsonArray p = line.getAsJsonArray("probs");
            float[] expected = {p.get(0).getAsFloat(), p.get(1).getAsFloat(), line.get("value").getAsFloat()};
            float[] actual = {probs[i][0], probs[i][1], values[i][0]};
            for (int k = 0; k < 3; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[k] - actual[k]));
            }
            minProb = Math.min(minProb, Math.min(probs[i][0], probs[i][1]));
        }
        assertTrue(maxDiff < 1e-5, "largest |difference| " + maxDiff);
        assertTrue(minProb < 0.4, "a trained policy prefers a side somewhere: " + minProb);
    }

    @Test
    void theBundlesModelOnnxIsTheExportedFileAndAZipExportsToo() throws Exception {
        Path fromDir = tmp.resolve("dir.onnx");
        Path zip = tmp.resolve("model.zip");
        Path fromZip = tmp.resolve("zip.onnx");
        assertEquals(0, ModelCommandsTest.cli("export", "--model", bundle.toString(), "--onnx", fromDir.toString(),
                "--zip", zip.toString()).status());
        assertEquals(0, ModelCommandsTest.cli("export", "--model", zip.toString(), "--onnx", fromZip.toString()).status());
        byte[] inBundle = Files.readAllBytes(bundle.resolve("model.onnx"));
        assertArrayEquals(inBundle, Files.readAllBytes(fromDir));
        assertArrayEquals(inBundle, Files.readAllBytes(fromZip));
    }

    @Test
    void badTargetsAndBrokenModelsExitWithTwoAndWriteNothing() throws Exception {
        Path occupied = Files.createDirectory(tmp.resolve("occupied.onnx"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        Run dir = ModelCommandsTest.cli("export", "--model", bundle.toString(), "--onnx", occupied.toString());
        assertEquals(2, dir.status(), dir.err());
        assertTrue(dir.err().contains("--onnx") && dir.err().contains("is a directory"), dir.err());
        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));

        Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
        Run underFile = ModelCommandsTest.cli("export", "--model", bundle.toString(), "--onnx",
                aFile.resolve("p.onnx").toString());
        assertEquals(2, underFile.status());
        assertTrue(underFile.err().contains("cannot create directory"), underFile.err());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path target = tmp.resolve("never.onnx");
        Run broken = ModelCommandsTest.cli("export", "--model", empty.toString(), "--onnx", target.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("--model") && broken.err().contains("is empty"), broken.err());
        assertFalse(Files.exists(target));

        Run neither = ModelCommandsTest.cli("export", "--model", bundle.toString());
        assertEquals(2, neither.status());
        assertTrue(neither.err().contains("--onnx"), neither.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temporary files left behind");
        }
    }

    @Test
    void aReadOnlyDirectoryIsNamed() throws Exception {
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere: then there is nothing to refuse
            assumeFalse(Files.isWritable(readOnly), "running as root");
            Run r = ModelCommandsTest.cli("export", "--model", bundle.toString(), "--onnx",
                    readOnly.resolve("p.onnx").toString());
            assertEquals(2, r.status());
            assertTrue(r.err().contains("is not writable"), r.err());
            try (Stream<Path> s = Files.list(readOnly)) {
                assertEquals(0, s.count());
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
