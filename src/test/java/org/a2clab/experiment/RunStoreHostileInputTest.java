package org.a2clab.experiment;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runs store reads every run file as hostile input (issue 19, defects 5, 6 and the store's
 * messages of 10): one bad file marks its run damaged, in plain words, and never hides, blocks or
 * crashes the listing of the others.
 */
class RunStoreHostileInputTest {
    @TempDir
    Path tmp;

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withLearningRate(3e-3);

    private Map<String, RunRecord> scan() throws IOException {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new Workspace(tmp).scan(),
                "the scan must never block").stream().collect(Collectors.toMap(RunRecord::id, Function.identity()));
    }

    private Path run(String id, long seed) throws IOException {
        return RunFolders.finished(tmp.resolve(id), HP.withSeed(seed), true, 9000, 476, 1, 5);
    }

    /** The good run is read in full beside the damaged ones. */
    private static void assertGood(RunRecord r) {
        assertEquals(RunState.FINISHED, r.state(), r.problem());
        assertEquals(new RunResult(true, 9000, 1, 9000, 476, 1, Double.NaN), r.result());
        assertEquals(5, r.curves().curve(Metric.MEAN_RETURN_100).size());
    }

    private static void assertDamaged(RunRecord r, String reason) {
        assertEquals(RunState.DAMAGED, r.state(), r.id());
        assertTrue(r.problem().contains(reason), r.id() + ": " + r.problem());
        assertPlain(r.problem());
    }

    /** No class names, stack-trace words, Gson's advice or links, decoder jargon. */
    static void assertPlain(String reason) {
        for (String jargon : List.of("Exception", "Error", "java.", "com.google", "gson", "http", "Input length",
                "Cannot invoke", "null")) {
            assertFalse(reason.contains(jargon), "'" + jargon + "' in: " + reason);
        }
        assertTrue(reason.length() < 300, reason);
    }

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void deepJsonInAnyRunFileDamagesThatRunOnlyAndIsNeverAStackOverflow() throws IOException {
        run("lr=3e-3/seed-1", 1);
        // 100k deep: past the size bound; 30k deep: within it, past the depth limit
        for (int depth : new int[] {100_000, 30_000}) {
            Path m = run("deep-" + depth + "/seed-1", 1);
            Files.writeString(m.resolve(RunFolder.METRICS), "{\"type\":\"update\",\"env_steps\":1}\n" + deep(depth) + "\n");
            Path r = run("deep-" + depth + "/seed-2", 2);
            Files.writeString(r.resolve(RunFolder.RESULT), "{\"solved\":true,\"hyperparameters\":" + deep(depth) + "}");
            Path meta = run("deep-" + depth + "/seed-3", 3);
            Files.writeString(meta.resolve(RunFolder.META), "{\"format\":\"a2c-lab-run\",\"name\":" + deep(depth) + "}");
        }
        Map<String, RunRecord> runs = scan();
        assertEquals(7, runs.size());
        assertGood(runs.get("lr=3e-3/seed-1"));
        assertDamaged(runs.get("deep-100000/seed-1"), "metrics.jsonl line 2 is longer than 64 KB");
        assertDamaged(runs.get("deep-100000/seed-2"), "result.json is larger than 64 KB");
        assertDamaged(runs.get("deep-100000/seed-3"), "run.json is larger than 64 KB");
        assertDamaged(runs.get("deep-30000/seed-1"), "metrics.jsonl line 2 nests arrays or objects more than 32 deep");
        assertDamaged(runs.get("deep-30000/seed-2"), "result.json nests arrays or objects more than 32 deep");
        assertDamaged(runs.get("deep-30000/seed-3"), "run.json nests arrays or objects more than 32 deep");
    }

    @Test
    void aFifoNamedLikeARunFileIsNeverOpened() throws Exception {
        run("g/seed-1", 1);
        for (String[] c : new String[][] {{"g/seed-2", RunFolder.METRICS}, {"g/seed-3", RunFolder.RESULT},
                {"g/seed-4", RunFolder.META}}) {
            Path file = run(c[0], 2).resolve(c[1]);
            Files.deleteIfExists(file);
            SpecialFiles.mkfifo(file);
        }
        Map<String, RunRecord> runs = scan();
        assertGood(runs.get("g/seed-1"));
        assertDamaged(runs.get("g/seed-2"), "metrics.jsonl is a special file (a pipe, socket or device)");
        assertDamaged(runs.get("g/seed-3"), "result.json is a special file");
        assertDamaged(runs.get("g/seed-4"), "run.json is a special file");
    }

    @Test
    void aRunFileLinkedToADeviceOrAFolderIsNotRead() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        run("g/seed-1", 1);
        Path zero = run("g/seed-2", 2);
        Files.delete(zero.resolve(RunFolder.METRICS));
        Files.createSymbolicLink(zero.resolve(RunFolder.METRICS), Path.of("/dev/zero"));
        Path folder = run("g/seed-3", 3);
        Files.delete(folder.resolve(RunFolder.RESULT));
        Files.createDirectory(folder.resolve(RunFolder.RESULT));
        Map<String, RunRecord> runs = scan();
        assertGood(runs.get("g/seed-1"));
        assertDamaged(runs.get("g/seed-2"), "metrics.jsonl is a symbolic link");
        assertDamaged(runs.get("g/seed-3"), "result.json is a directory, not a file");
    }

    @Test
    void aLongLineIsRefusedAtTheBoundNotReadWhole() throws IOException {
        run("g/seed-1", 1);
        Path dir = run("g/seed-2", 2);
        // valid JSON, so only the length bound refuses it
        String line = "{\"type\":\"note\",\"text\":\"" + "a".repeat(10 << 20) + "\"}\n";
        Files.writeString(dir.resolve(RunFolder.METRICS), "{\"type\":\"update\",\"env_steps\":1}\n" + line);
        Map<String, RunRecord> runs = scan();
        assertGood(runs.get("g/seed-1"));
        assertDamaged(runs.get("g/seed-2"), "metrics.jsonl line 2 is longer than 64 KB");
    }

    @Test
    void reasonsArePlainWords() throws IOException {
        Path utf = run("g/seed-1", 1);
        Files.write(utf.resolve(RunFolder.METRICS), new byte[] {'{', '}', '\n', '"', (byte) 0xff, '"', '\n'});
        Path syntax = run("g/seed-2", 2);
        Files.writeString(syntax.resolve(RunFolder.RESULT), "{\"solved\": tru}");
        Path noSteps = run("g/seed-3", 3);
        String result = Files.readString(noSteps.resolve(RunFolder.RESULT)).replace("\"env_steps\":9000,", "");
        Files.writeString(noSteps.resolve(RunFolder.RESULT), result);
        Path noLineSteps = run("g/seed-4", 4);
        Files.writeString(noLineSteps.resolve(RunFolder.METRICS), "{\"type\":\"update\",\"entropy\":0.5}\n");
        Path lenient = run("g/seed-5", 5);
        Files.writeString(lenient.resolve(RunFolder.METRICS), "{type:'update', env_steps: 1}\n");
        Map<String, RunRecord> runs = scan();
        assertDamaged(runs.get("g/seed-1"), "metrics.jsonl is not UTF-8 text (line 2)");
        assertDamaged(runs.get("g/seed-2"), "result.json is not valid JSON at line 1");
        assertDamaged(runs.get("g/seed-3"), "result.json lacks env_steps");
        assertDamaged(runs.get("g/seed-4"), "metrics.jsonl line 1 lacks env_steps");
        assertDamaged(runs.get("g/seed-5"), "metrics.jsonl line 1 is not valid JSON");
    }

    @Test
    void filesOfEarlierVersionsWithBareNaNStillRead() throws IOException {
        Path dir = run("g/seed-1", 1);
        Files.writeString(dir.resolve(RunFolder.RESULT), Files.readString(dir.resolve(RunFolder.RESULT))
                .replace("\"mean_return_last100\":476.0", "\"mean_return_last100\":NaN"));
        Files.writeString(dir.resolve(RunFolder.METRICS), "{\"type\":\"update\",\"env_steps\":10,"
                + "\"mean_return_last100\":NaN,\"explained_variance\":-Infinity,\"entropy\":0.5,\"text\":\"NaN\"}\n");
        RunRecord r = scan().get("g/seed-1");
        assertEquals(RunState.FINISHED, r.state(), r.problem());
        assertTrue(Double.isNaN(r.result().finalMeanReturn()));
        assertEquals(0, r.curves().curve(Metric.MEAN_RETURN_100).size());
        assertEquals(0.5, r.curves().curve(Metric.ENTROPY).last());
    }

    @Test
    void anUnreadableFolderIsOneDamagedEntry() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads every folder whatever its permissions, so none is unreadable to it");
        run("g/seed-1", 1);
        Path locked = run("locked/seed-1", 1).getParent();
        Path lockedRun = run("h/seed-1", 1);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(lockedRun, PosixFilePermissions.fromString("---------"));
        try {
            Map<String, RunRecord> runs = scan();
            assertGood(runs.get("g/seed-1"));
            assertDamaged(runs.get("locked"), "the folder cannot be read: permission denied");
            assertDamaged(runs.get("h/seed-1"), "the folder cannot be read: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(lockedRun, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aKilledSweepOpensWithoutItsSummary() throws IOException {
        Path sweep = tmp.resolve("sweep");
        RunFolders.finished(sweep.resolve("runs/lr=0.001/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        // the run in progress when the sweep was killed: only its metrics' temporary file
        Path cut = Files.createDirectories(sweep.resolve("runs/lr=0.001/seed-2"));
        Files.writeString(cut.resolve(".metrics.jsonl.tmp-999999999-ab"), "{}\n");
        Workspace ws = new Workspace(sweep);
        assertEquals(sweep.resolve("runs").toAbsolutePath(), ws.root());
        List<RunRecord> runs = ws.scan();
        assertEquals(List.of("lr=0.001/seed-1", "lr=0.001/seed-2"), runs.stream().map(RunRecord::id).toList());
        assertEquals(RunState.FINISHED, runs.get(0).state());
        assertEquals(RunState.DAMAGED, runs.get(1).state());
    }

    @Test
    void aWorkspaceWithASettingFolderNamedRunsIsNotTakenForASweep() throws IOException {
        run("runs/seed-1", 1);
        run("lr=0.001/seed-1", 1);
        assertEquals(tmp.toAbsolutePath(), new Workspace(tmp).root());
    }
}
