package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.export.F32Tensor;
import org.a2clab.export.SafeTensors;
import org.a2clab.io.UnixAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad paths, hostile models and out-of-range numbers through the whole command line. */
class CliSafetyTest {
    @TempDir
    static Path tmp;
    static Path bundle;

    static final String[] TINY = {"--max-steps", "400", "--envs", "4", "--n-steps", "5", "--hidden", "8",
            "--device", "cpu", "--seed", "3"};

    static Run cli(String... args) {
        return ModelCommandsTest.cli(args);
    }

    static String[] train(String... more) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(TINY));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @BeforeAll
    static void trainTinyModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("model");
        Run r = cli(train("--save", bundle.toString()));
        assertEquals(0, r.status(), r.err());
    }

    private static Path copyOfBundle(String name) throws IOException {
        Path copy = Files.createDirectory(tmp.resolve(name));
        try (Stream<Path> files = Files.list(bundle)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void assertRefused(Run r, String... parts) {
        assertEquals(2, r.status(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected '" + p + "' in: " + r.err());
        }
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    // ---- defects 1, 2, 6: outputs are checked before training ----

    @Test
    void trainRefusesADirectoryThatIsNotABundleBeforeTraining() throws Exception {
        Path w = Files.createDirectory(tmp.resolve("w"));
        Files.writeString(w.resolve("manifest.json"), "{}");
        Files.createDirectory(w.resolve("src"));
        Files.writeString(w.resolve("src/a.js"), "k");
        Run r = cli(train("--save", w.toString()));
        assertRefused(r, "--save", w.toString(), "'src'");
        assertEquals("", r.out(), "refused before training: no summary");
        assertEquals("k", Files.readString(w.resolve("src/a.js")));
    }

    @Test
    void badMetricsTargetsAreRefusedBeforeTraining() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("metrics-dir"));
        Path save = tmp.resolve("never-saved");
        Run r = cli(train("--metrics", dir.toString(), "--save", save.toString()));
        assertRefused(r, "--metrics", "metrics-dir", "it is a directory");
        assertEquals("", r.out());
        assertFalse(Files.exists(save), "no bundle from a run that never started");

        Path fifo = org.a2clab.io.SpecialFiles.mkfifo(tmp.resolve("metrics.fifo"));
        assertRefused(cli(train("--metrics", fifo.toString())), "--metrics", "special file");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
    }

    /**
     * The metrics file cannot be written when training ends (its path became a directory during
     * the run): the bundle is saved anyway, and the command says so and exits with 1.
     */
    @Test
    void aMetricsFailureAfterTrainingStillSavesTheBundle() throws Exception {
        Path metrics = tmp.resolve("late.jsonl");
        Path save = tmp.resolve("saved-anyway");
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> {
            DjlRuntime.prepareTrainingThread();
            return cli("train", "--max-steps", "60000", "--envs", "4", "--hidden", "8", "--device", "cpu",
                    "--metrics", metrics.toString(), "--save", save.toString());
        });
        // the temporary metrics file gets its first lines when training starts (the output plan's
        // probe, an empty temporary file removed at once, comes before it and must not be taken for it)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!hasTempOf("late.jsonl")) {
            assertTrue(System.nanoTime() < deadline && !run.isDone(),
                    () -> "training did not start: " + (run.isDone() ? run.join().err() : "timeout"));
            Thread.sleep(1);
        }
        Files.createDirectory(metrics);
        Run r = run.get(120, TimeUnit.SECONDS);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("could not write --metrics") && r.err().contains("the model bundle was saved"), r.err());
        assertTrue(r.out().contains("\"env_steps\":60000"), "the summary is printed: " + r.out());
        assertEquals(0, cli("policy", "--model", save.toString(), "--obs", "0,0,0,0").status(), "the bundle loads");
        assertTrue(Files.isDirectory(metrics), "the directory is left alone");
    }

    private static boolean hasTempOf(String name) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("." + name + ".tmp-") && sizeOf(p) > 0);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException gone) {
            return 0;
        }
    }

    // ---- defects 3 and 4 through every command that reads a model ----

    @Test
    void aModelWithANaNWeightIsRefusedByEveryCommand() throws Exception {
        Path nan = copyOfBundle("nan");
        Path st = nan.resolve("model.safetensors");
        Map<String, F32Tensor> t = new LinkedHashMap<>(SafeTensors.read(st).tensors());
        float[] w = t.get("actor_head.weight").data().clone();
        w[3] = Float.NaN;
        t.put("actor_head.weight", new F32Tensor(t.get("actor_head.weight").shape(), w));
        Files.write(st, SafeTensors.encode(t, Map.of()));
        String m = nan.toString();
        assertRefused(cli("policy", "--model", m, "--obs", "0,0,0,0"), "'actor_head.weight'", "NaN");
        assertRefused(cli("evaluate", "--model", m), "'actor_head.weight'");
        assertRefused(cli("episode", "--model", m), "'actor_head.weight'");
        Path zip = tmp.resolve("nan.zip");
        assertRefused(cli("export", "--model", m, "--zip", zip.toString()), "'actor_head.weight'");
        assertFalse(Files.exists(zip));
    }

    @Test
    void aDeeplyNestedManifestIsRefusedInOneLine() throws Exception {
        Path deep = copyOfBundle("deep");
        Files.writeString(deep.resolve("manifest.json"), "{\"x\": " + "[".repeat(30_000) + "]".repeat(30_000) + "}");
        Run r = cli("policy", "--model", deep.toString(), "--obs", "0,0,0,0");
        assertRefused(r, "manifest.json", "more than 32 deep");
        assertTrue(r.err().length() < 400, r.err());
    }

    // ---- weaker points ----

    @Test
    void numbersThatOverflowAFloatAreRefused() {
        Run obs = cli("policy", "--model", bundle.toString(), "--obs", "1e308,0,0,0");
        assertRefused(obs, "--obs", "1e308", "float32");
        assertEquals("", obs.out());
        assertRefused(cli("simulate", "--state", "0,0,0,1e308", "--actions", "1"), "--state", "1e308");
        // finite as a float, but the physics overflows in the first step: no partial output
        Run physics = cli("simulate", "--state", "0,0,0.1,1e30", "--actions", "1,1");
        assertRefused(physics, "--state", "overflows at step 0");
        assertEquals("", physics.out());
        assertEquals(0, cli("simulate", "--state", "0,0,0,1e3", "--actions", "1").status(), "large but finite is fine");
    }

    @Test
    void exportOfAZipSaysWhyAndWritesNothing() throws Exception {
        Path zip = tmp.resolve("shared.zip");
        assertEquals(0, cli("export", "--model", bundle.toString(), "--zip", zip.toString()).status());
        Path again = tmp.resolve("again.zip");
        assertRefused(cli("export", "--model", zip.toString(), "--zip", again.toString()), "--model", "is a file",
                "bundle directory");
        assertFalse(Files.exists(again));
    }

    @Test
    void aZipWithoutAManifestIsNamedAsGiven() throws Exception {
        Path zip = tmp.resolve("no-manifest.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("model.safetensors"));
            z.write(Files.readAllBytes(bundle.resolve("model.safetensors")));
            z.closeEntry();
        }
        Run r = cli("evaluate", "--model", zip.toString());
        assertRefused(r, zip.toString(), "manifest.json is missing");
        assertFalse(r.err().contains("a2c-lab-bundle"), r.err());
    }

    // ---- test gaps ----

    /** A device that is not there is a runtime failure, known before any output folder is made. */
    @Test
    void aGpuThatIsNotThereIsRefusedBeforeAnyFolderIsCreated() throws Exception {
        assumeTrue(DjlRuntime.gpuCount() == 0, "this machine has a GPU");
        Path root = Files.createDirectory(tmp.resolve("no-gpu"));
        Run r = cli(train("--device", "gpu", "--save", root.resolve("models/run/bundle").toString(),
                "--metrics", root.resolve("logs/run/metrics.jsonl").toString()));
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("a2c-lab train: device gpu") && r.err().contains("choose device cpu or auto"),
                r.err());
        assertEquals("", r.out(), "no run, no summary");
        assertEquals(Map.of("", "dir"), FileTree.snapshot(root), "no parent folder of --save or --metrics made");

        r = cli("sweep", "--vary", "gae-lambda=0.9,1", "--max-steps", "400", "--envs", "4", "--hidden", "8",
                "--device", "gpu", "--out", root.resolve("sweeps/lambda").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("a2c-lab sweep: device gpu"), r.err());
        assertEquals(Map.of("", "dir"), FileTree.snapshot(root), "no --out folder or its parents made");
    }

    /** Issue 20.6 through the command line: the folder given to --save keeps its access. */
    @Test
    void trainSaveKeepsTheModeAndGroupOfAnExistingFolder() throws Exception {
        assumeTrue(UnixAccess.supported(tmp));
        Path shared = UnixAccess.share(Files.createDirectory(tmp.resolve("shared-model")), 02750);
        String access = UnixAccess.describe(shared);
        assertEquals(0, cli(train("--save", shared.toString())).status());
        assertTrue(Files.isRegularFile(shared.resolve("manifest.json")));
        assertEquals(access, UnixAccess.describe(shared), "an empty folder the user made");
        Run again = cli(train("--save", shared.toString()));
        assertEquals(0, again.status(), again.err());
        assertEquals(access, UnixAccess.describe(shared), "a bundle saved again");
    }

    @Test
    void episodeHelpPrintsItsOptions() {
        Run r = cli("episode", "--help");
        assertEquals(0, r.status());
        assertEquals(EpisodeCommand.HELP, r.out());
        assertTrue(r.out().contains("--greedy") && r.out().contains("--model"), r.out());
    }

    /** The README's promise, checked on the files two runs write. */
    @Test
    void theMetricsFileIsIdenticalFromRunToRunWithAFixedSeed() throws Exception {
        Path first = tmp.resolve("first.jsonl");
        Path second = tmp.resolve("second.jsonl");
        Path other = tmp.resolve("other-seed.jsonl");
        assertEquals(0, cli(train("--metrics", first.toString())).status());
        assertEquals(0, cli(train("--metrics", second.toString())).status());
        List<String> args = new ArrayList<>(List.of(train("--metrics", other.toString())));
        args.set(args.indexOf("--seed") + 1, "4");
        assertEquals(0, cli(args.toArray(new String[0])).status());
        byte[] a = Files.readAllBytes(first);
        assertTrue(Files.readAllLines(first).size() >= 20, "one line per update at least");
        assertArrayEquals(a, Files.readAllBytes(second));
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(other)), "another seed gives another stream");
    }

    /** libtorch writes to the process's stderr directly, so this needs a JVM of its own. */
    @Test
    void noEngineWarningsOnTheTerminal() throws Exception {
        for (String[] args : new String[][] {
                {"policy", "--model", bundle.toString(), "--obs", "0,0,0,0"},
                {"evaluate", "--model", bundle.toString(), "--episodes", "2"},
                {"bench", "--seeds", "1", "--max-steps", "200", "--envs", "4", "--hidden", "8", "--device", "cpu"},
                // past the first evaluation, so the best checkpoint is copied into a network and saved
                {"train", "--seed", "1", "--max-steps", "20020", "--envs", "4", "--hidden", "8", "--device", "cpu",
                        "--save", tmp.resolve("quiet").toString()}}) {
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "org.a2clab.Launcher"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), args[0] + ": " + err);
            assertFalse(err.contains("AutoNonVariableTypeMode") || err.contains("Warning:"), args[0] + " printed: " + err);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
