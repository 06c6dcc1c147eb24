package org.a2clab.export;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile bundles: each is refused with a short message that names the problem. */
class HostileBundleTest {
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(16).withNumEnvs(4)
            .withNSteps(5).withSeed(7).withDevice(DeviceChoice.CPU);

    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    private Path bundle(String name) throws BundleException {
        Path dir = tmp.resolve(name);
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu())) {
            ModelBundle.save(dir, net, new TrainingResult(false, 1234, 56, 78, 1.5, 21.25, "CPU", HP));
        }
        return dir;
    }

    private static String refusal(Path path) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(path, Device.cpu()));
        assertTrue(e.getMessage().length() < 400, "a short message, got " + e.getMessage().length() + " characters");
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    private static void editSafetensors(Path dir, Consumer<Map<String, F32Tensor>> edit) throws Exception {
        Path st = dir.resolve("model.safetensors");
        Map<String, F32Tensor> t = new LinkedHashMap<>(SafeTensors.read(st).tensors());
        edit.accept(t);
        Files.write(st, SafeTensors.encode(t, Map.of()));
    }

    private static void setValue(Map<String, F32Tensor> t, String name, int index, float value) {
        float[] data = t.get(name).data().clone();
        data[index] = value;
        t.put(name, new F32Tensor(t.get(name).shape(), data));
    }

    private static void editManifest(Path dir, String from, String to) throws Exception {
        Path m = dir.resolve("manifest.json");
        String text = Files.readString(m);
        assertTrue(text.contains(from), text);
        Files.writeString(m, text.replace(from, to));
    }

    // ---- defect 3: non-finite weights ----

    @Test
    void nanAndInfiniteWeightsAreRefusedNamingTheTensor() throws Exception {
        Path nan = bundle("nan");
        editSafetensors(nan, t -> setValue(t, "shared.2.weight", 5, Float.NaN));
        assertMentions(refusal(nan), "tensor 'shared.2.weight'", "NaN", "index 5", "finite");
        Path inf = bundle("inf");
        editSafetensors(inf, t -> setValue(t, "critic_head.bias", 0, Float.NEGATIVE_INFINITY));
        assertMentions(refusal(inf), "tensor 'critic_head.bias'", "-Infinity");
    }

    // ---- defect 4: nesting and huge values ----

    @Test
    void deeplyNestedJsonIsRefusedWithoutAStackTrace() throws Exception {
        Path dir = bundle("deep");
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, "{\"x\": " + deep + "}");
        // larger than any manifest: refused by size before it is parsed
        assertMentions(refusal(dir), "manifest.json", "more than 65536 bytes");
        String fits = "[".repeat(20_000) + "]".repeat(20_000);
        Files.writeString(m, "{\"x\": " + fits + "}");
        assertMentions(refusal(dir), "manifest.json", "more than 32 deep", "line 1");

        Path st = bundle("deep-header");
        Files.write(st.resolve("model.safetensors"), safetensorsWithHeader("{\"a\": " + fits + "}"));
        assertMentions(refusal(st), "model.safetensors", "more than 32 deep");
    }

    @Test
    void aHugeValueIsQuotedShort() throws Exception {
        Path dir = bundle("huge-value");
        editManifest(dir, "\"optimizer\": \"rmsprop\"", "\"optimizer\": \"" + "x".repeat(50_000) + "\"");
        assertMentions(refusal(dir), "hyperparameters.optimizer", "xxxx", "(50000 characters)");
    }

    // ---- defect 5: sizes capped before parsing ----

    @Test
    void aHeaderOverTheCapIsRefusedUnread() throws Exception {
        Path dir = bundle("big-header");
        StringBuilder numbers = new StringBuilder("{\"__metadata__\": {}, \"x\": [0");
        while (numbers.length() < 200_000) {
            numbers.append(",0");
        }
        Files.write(dir.resolve("model.safetensors"), safetensorsWithHeader(numbers.append("]}").toString()));
        long start = System.nanoTime();
        assertMentions(refusal(dir), "model.safetensors", "header is", "65536", "refused unread");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without parsing");
    }

    /** A safetensors file of just a header (no tensors). */
    private static byte[] safetensorsWithHeader(String json) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    // ---- weaker points: duplicates, ranges, integers written as decimals ----

    @Test
    void duplicateKeysAreRefused() throws Exception {
        Path dir = bundle("dup");
        editManifest(dir, "\"n_steps\": 5,", "\"n_steps\": 5, \"n_steps\": 7,");
        assertMentions(refusal(dir), "manifest.json", "'n_steps' twice", "line");

        String tensor = "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        BundleException e = assertThrows(BundleException.class,
                () -> SafeTensors.decode("m.safetensors", withHeader("{" + tensor + "," + tensor + "}", 4)));
        assertMentions(e.getMessage(), "m.safetensors", "'b' twice", "line 1");
    }

    /** A safetensors image with {@code json} as header and {@code dataBytes} zero bytes of data. */
    private static ByteBuffer withHeader(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.rewind();
    }

    @Test
    void integersOutOfTheirRangeOrWrittenAsDecimalsAreRefused() throws Exception {
        Path wraps = bundle("wraps");
        // 2^32 + 5 used to be cast to int and read as 5
        editManifest(wraps, "\"n_steps\": 5", "\"n_steps\": 4294967301");
        assertMentions(refusal(wraps), "hyperparameters.n_steps", "4294967301", "outside");

        Path negative = bundle("negative");
        editManifest(negative, "\"env_steps\": 1234", "\"env_steps\": -1");
        assertMentions(refusal(negative), "training.env_steps", "outside");

        Path decimal = bundle("decimal");
        editManifest(decimal, "\"hidden\": 16", "\"hidden\": 16.0");
        assertMentions(refusal(decimal), "hyperparameters.hidden", "must be an integer", "16.0");

        for (String shape : new String[] {"1.0", "1e0", "0.1e1"}) {
            String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[" + shape + "],\"data_offsets\":[0,4]}}";
            BundleException e = assertThrows(BundleException.class, () -> SafeTensors.decode("m.safetensors", withHeader(header, 4)));
            assertMentions(e.getMessage(), "tensor 'b'", "shape entry " + shape, "not an integer");
        }
        String good = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        assertEquals(1, SafeTensors.decode("m.safetensors", withHeader(good, 4)).tensors().size(), "the same file with 1 loads");
    }

    // ---- Gson's text does not reach the user ----

    @Test
    void invalidJsonIsReportedByLineAndColumnOnly() {
        BundleException e = assertThrows(BundleException.class, () -> Manifest.parse("{x"));
        assertEquals("manifest.json is not valid JSON at line 1, column 2", e.getMessage());
        e = assertThrows(BundleException.class, () -> Manifest.parse("{\n  \"a\": 1,\n  \"b\": }"));
        assertEquals("manifest.json is not valid JSON at line 3, column 8", e.getMessage());
        e = assertThrows(BundleException.class, () -> Manifest.parse("[1,]"));
        assertEquals("manifest.json is not valid JSON at line 1, column 4", e.getMessage());
        e = assertThrows(BundleException.class, () -> Manifest.parse("{\"a\": [1, 2"));
        assertTrue(e.getMessage().startsWith("manifest.json is not valid JSON at line 1"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the text ends too early)"), e.getMessage());
        for (String text : new String[] {"{x", "{'a': 1}", "{\"a\": 1} extra", "[1,]", "{\"a\": NaN}"}) {
            String m = assertThrows(BundleException.class, () -> Manifest.parse(text)).getMessage();
            assertFalse(m.contains("JsonReader") || m.contains("github") || m.contains("Strictness"), m);
            assertTrue(m.startsWith("manifest.json is not valid JSON at line "), m);
        }
    }

    // ---- corrupt DJL parameters; nothing from the files is executed ----

    @Test
    void corruptParameterBytesAreRefused() throws Exception {
        Path dir = bundle("corrupt");
        Path params = dir.resolve("actor-critic-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(params, bytes);
        assertMentions(refusal(dir), "actor-critic-0000.params", "differs from model.safetensors",
                "byte " + (bytes.length - 3));
    }

    /**
     * A parameter file that claims an array of 2^40 floats: DJL's decoder would try to allocate
     * it. The loader never decodes the file; it only compares it with what it writes itself.
     */
    @Test
    void aParameterFileIsNeverDecoded() throws Exception {
        Path dir = bundle("claims");
        Path params = dir.resolve("actor-critic-0000.params");
        byte[] bytes = Files.readAllBytes(params);
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putLong(bytes.length / 2, 1L << 40);
        Files.write(params, bytes);
        assertMentions(refusal(dir), "actor-critic-0000.params", "differs from model.safetensors");
    }

    // ---- zips: messages name the zip the user gave ----

    @Test
    void aZipMissingAnEntryOrHoldingAZipIsNamed() throws Exception {
        Path dir = bundle("z");
        Path partial = tmp.resolve("partial.zip");
        zip(partial, Map.of("manifest.json", Files.readAllBytes(dir.resolve("manifest.json")),
                "model.safetensors", Files.readAllBytes(dir.resolve("model.safetensors"))));
        String m = refusal(partial);
        assertMentions(m, partial.toString(), "actor-critic-0000.params is missing");
        assertFalse(m.contains("a2c-lab-bundle"), "no temporary directory in: " + m);

        Path nested = tmp.resolve("nested.zip");
        zip(nested, Map.of("inner.zip", Files.readAllBytes(partial)));
        assertMentions(refusal(nested), "nested.zip", "'inner.zip'", "another zip");
    }

    private static void zip(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
    }

    // ---- issue 19, defect 10: say what a file is, not that it is missing ----

    @Test
    void specialFilesNamedLikeBundleFilesAreNamedForWhatTheyAre() throws Exception {
        Path dir = bundle("fifo");
        Files.delete(dir.resolve("model.safetensors"));
        SpecialFiles.mkfifo(dir.resolve("model.safetensors"));
        assertMentions(refusal(dir), "model.safetensors is a special file (a named pipe, FIFO), not a regular file");
        String save = assertThrows(BundleException.class, () -> ModelBundle.checkSaveTarget(dir)).getMessage();
        assertMentions(save, "'model.safetensors', which is a special file (a named pipe, FIFO) where a model bundle "
                + "has a regular file");

        Path d = bundle("dir");
        Files.delete(d.resolve("manifest.json"));
        Files.createDirectory(d.resolve("manifest.json"));
        assertMentions(refusal(d), "manifest.json is a directory, not a regular file");
        Path target = Files.writeString(tmp.resolve("elsewhere"), "x");
        Path l = bundle("link");
        Files.delete(l.resolve("actor-critic-0000.params"));
        Files.createSymbolicLink(l.resolve("actor-critic-0000.params"), target);
        assertMentions(refusal(l), "actor-critic-0000.params is a symbolic link, not a regular file");
        Files.delete(l.resolve("model.onnx"));
        Files.createDirectory(l.resolve("model.onnx"));
        assertMentions(assertThrows(BundleException.class, () -> ModelBundle.checkSaveTarget(l)).getMessage(),
                "'actor-critic-0000.params', which is a symbolic link where");
    }

    @Test
    void aFileGoneWhileReadIsSaidSo() {
        BundleException e = assertThrows(BundleException.class,
                () -> BundleSnapshot.read(tmp.resolve("model.onnx"), "b", 10));
        assertEquals("b: model.onnx disappeared while it was read", e.getMessage());
    }

    @Test
    void aGarbageOrTruncatedZipIsSaidToBeNoZip() throws Exception {
        Path garbage = Files.write(tmp.resolve("garbage.zip"), "PK\u0003\u0004 not really".getBytes(StandardCharsets.UTF_8));
        Path text = Files.writeString(tmp.resolve("text.zip"), "hello");
        Path dir = bundle("t");
        Path whole = tmp.resolve("whole.zip");
        ModelBundle.zip(dir, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(tmp.resolve("truncated.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        for (Path z : new Path[] {garbage, text, truncated}) {
            String m = refusal(z);
            assertMentions(m, z.toString(), " is not a .zip file (or it is damaged): ");
            assertFalse(m.contains("Exception"), m);
        }
    }
}
