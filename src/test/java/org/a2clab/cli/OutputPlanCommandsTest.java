package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, defects 1 and 2 as reported: each command's outputs are planned before any work, so a
 * target that clashes with the input or another target, or whose name the file system refuses,
 * exits with 2 before training, loading or playing, and leaves the disk exactly as it was.
 */
class OutputPlanCommandsTest {
    @TempDir
    static Path tmp;
    static Path bundle;

    @BeforeAll
    static void trainTinyModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("m");
        Run r = cli(train("--save", bundle.toString()));
        assertEquals(0, r.status(), r.err());
    }

    static Run cli(String... args) {
        return ModelCommandsTest.cli(args);
    }

    static String[] train(String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(CliSafetyTest.TINY));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    /** Runs a command that must be refused, and checks it changed nothing under the temp folder. */
    static Run refused(String[] args, String... parts) throws IOException {
        Map<String, String> before = FileTree.snapshot(tmp);
        Run r = cli(args);
        assertEquals(2, r.status(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected '" + p + "' in: " + r.err());
        }
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains(".tmp-"), "never a hidden name the user did not give: " + r.err());
        assertEquals("", r.out(), "refused before any work");
        assertEquals(before, FileTree.snapshot(tmp), "nothing created or changed on disk");
        return r;
    }

    private static String at(String name) {
        return tmp.resolve(name).toString();
    }

    private static void assertModelLoads() {
        Run r = cli("policy", "--model", bundle.toString(), "--obs", "0,0,0,0");
        assertEquals(0, r.status(), r.err());
    }

    // ---- defect 1: late failure loses the network ----

    @Test
    void metricsInsideTheSaveFolderIsRefusedBeforeTraining() throws IOException {
        for (String metrics : new String[] {"out/metrics.jsonl", "out/metrics.csv"}) {
            refused(train("--save", at("out"), "--metrics", at(metrics)), "--metrics", "--save", "lies inside");
        }
    }

    @Test
    void metricsAndSaveOnTheSamePathAreRefused() throws IOException {
        refused(train("--metrics", at("x"), "--save", at("x")), "--metrics", "--save", "the same path");
    }

    @Test
    void metricsInsideTheBestFolderCreatesNoDirectories() throws IOException {
        refused(train("--metrics", at("t/sb/best/m.jsonl"), "--save", at("t/sb")), "--metrics", "--save");
        assertFalse(Files.exists(tmp.resolve("t")));
    }

    /**
     * A 250-character name is legal, so every command writes it: the hidden name written first is
     * shortened to fit the file system (io.Siblings), never a failure after the work.
     */
    @Test
    void aLongNameIsWritten() throws Exception {
        String name = "a".repeat(250);
        Path longSave = tmp.resolve("long-save").resolve(name);
        written(train("--save", longSave.toString()), longSave);
        Path longMetrics = tmp.resolve("long-metrics").resolve(name);
        written(train("--metrics", longMetrics.toString()), longMetrics);
        Path longOnnx = tmp.resolve("long-onnx").resolve(name);
        written(new String[] {"export", "--model", bundle.toString(), "--onnx", longOnnx.toString()}, longOnnx);
        Path longGif = tmp.resolve("long-gif").resolve(name);
        written(new String[] {"episode", "--model", bundle.toString(), "--gif", longGif.toString()}, longGif);
    }

    private static void written(String[] args, Path target) throws Exception {
        Run r = cli(args);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.exists(target), target.toString());
    }

    @Test
    void aNameTheFileSystemRefusesLeavesNoDirectoriesBehind() throws IOException {
        String tooLong = at("new/dir/" + "b".repeat(256));
        // the message names the path shortened (long values are never echoed whole)
        refused(train("--metrics", tooLong), "--metrics: cannot write " + tooLong.substring(0, 60), "File name too long");
        refused(new String[] {"export", "--model", bundle.toString(), "--zip", tooLong}, "--zip", "File name too long");
        assertFalse(Files.exists(tmp.resolve("new")));
    }

    // ---- defect 2: export destroys its own source ----

    @Test
    void exportIntoItsOwnBundleIsRefusedAndTheModelStillLoads() throws IOException {
        String m = bundle.toString();
        refused(new String[] {"export", "--model", m, "--zip", bundle.resolve("manifest.json").toString()},
                "--zip", "--model", "lies inside");
        refused(new String[] {"export", "--model", m, "--onnx", bundle.resolve("model.safetensors").toString()},
                "--onnx", "--model", "lies inside");
        refused(new String[] {"export", "--model", m, "--onnx", m}, "--onnx", "--model", "the same path");
        assertModelLoads();
    }

    @Test
    void episodeGifIntoItsOwnBundleIsRefusedBeforePlaying() throws IOException {
        refused(new String[] {"episode", "--model", bundle.toString(), "--gif",
                bundle.resolve("model.safetensors").toString()}, "--gif", "--model", "lies inside");
        assertModelLoads();
    }

    @Test
    void theBundleReachedThroughALinkIsStillTheInput() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-m"), bundle);
        refused(new String[] {"export", "--model", link.toString(), "--zip", bundle.resolve("manifest.json").toString()},
                "--zip", "--model");
        refused(new String[] {"export", "--model", bundle.toString(), "--onnx", link.resolve("model.onnx").toString()},
                "--onnx", "--model");
        refused(new String[] {"export", "--model", bundle.toString(), "--zip",
                tmp.resolve("m/../m/model.onnx").toString()}, "--zip", "--model");
        assertModelLoads();
    }

    @Test
    void zipAndOnnxOnOneFileAreRefused() throws IOException {
        String f = at("F");
        refused(new String[] {"export", "--model", bundle.toString(), "--zip", f, "--onnx", f}, "--zip", "--onnx",
                "the same path");
        Files.writeString(tmp.resolve("F"), "mine");
        refused(new String[] {"export", "--model", bundle.toString(), "--zip", f, "--onnx", f}, "--zip", "--onnx");
        assertEquals("mine", Files.readString(tmp.resolve("F")));
        Files.delete(tmp.resolve("F"));
    }

    @Test
    void aSweepFolderThatIsNotNewOrEmptyIsRefusedBeforeAnyRun() throws IOException {
        Path full = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        String[] sweep = {"sweep", "--vary", "gae-lambda=0.9", "--max-steps", "200", "--out", full.toString()};
        refused(sweep, "--out", "is not empty");
        sweep[sweep.length - 1] = full.resolve("notes.txt").toString();
        refused(sweep, "--out", "it is a file");
        sweep[sweep.length - 1] = at("new/" + "c".repeat(256));
        refused(sweep, "--out", "File name too long");
        assertFalse(Files.exists(tmp.resolve("new")));
    }

    // ---- defect 10, output paths ----

    @Test
    void anEmptyPathIsCalledEmpty() throws IOException {
        refused(new String[] {"export", "--model", bundle.toString(), "--onnx", ""}, "--onnx: empty path");
        refused(new String[] {"episode", "--model", bundle.toString(), "--gif", ""}, "--gif: empty path");
        refused(train("--save", ""), "--save: empty path");
        refused(train("--metrics", ""), "--metrics: empty path");
    }
}
