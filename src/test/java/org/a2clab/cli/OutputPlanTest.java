package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.a2clab.cli.OutputPlan.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output plan without any command around it: resolution, refusals, and what it creates. */
class OutputPlanTest {
    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private String refusal(OutputPlan plan) {
        return assertThrows(UsageException.class, () -> plan.check(QUIET).prepare()).getMessage();
    }

    private static long entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void targetsResolveThroughLinkedAndDottedDirectories() throws Exception {
        Path d = Files.createDirectory(tmp.resolve("d"));
        Files.createSymbolicLink(tmp.resolve("link-d"), d);
        OutputPlan plan = new OutputPlan()
                .target("--zip", tmp + "/link-d/./x.zip", Kind.FILE)
                .target("--onnx", tmp + "/d/../d/y.onnx", Kind.FILE)
                .check(QUIET);
        assertEquals(d.toRealPath().resolve("x.zip"), plan.path("--zip"));
        assertEquals(d.toRealPath().resolve("y.onnx"), plan.path("--onnx"));
        assertEquals(null, plan.path("--save"));
    }

    @Test
    void goingUpFromAFolderThatDoesNotExistIsRefused() {
        UsageException e = assertThrows(UsageException.class,
                () -> new OutputPlan().target("--zip", tmp + "/missing/../x.zip", Kind.FILE));
        assertTrue(e.getMessage().startsWith("--zip: ") && e.getMessage().contains("not an existing directory"),
                e.getMessage());
    }

    @Test
    void parentsAreCreatedOnlyWhenEveryTargetPasses() throws Exception {
        Path fifo = org.a2clab.io.SpecialFiles.mkfifo(tmp.resolve("fifo"));
        Map<String, String> before = FileTree.snapshot(tmp);
        String message = refusal(new OutputPlan()
                .target("--metrics", tmp + "/new/a/m.jsonl", Kind.FILE)
                .target("--zip", fifo.toString(), Kind.FILE));
        assertTrue(message.startsWith("--zip: ") && message.contains("special file"), message);
        assertEquals(before, FileTree.snapshot(tmp), "no directory created for a refused plan");

        OutputPlan plan = new OutputPlan().target("--metrics", tmp + "/new/a/m.jsonl", Kind.FILE).check(QUIET);
        plan.prepare();
        assertTrue(Files.isDirectory(tmp.resolve("new/a")), "mkdir -p once accepted");
        assertFalse(Files.exists(tmp.resolve("new/a/m.jsonl")), "the target itself is the writer's");
        assertEquals(0, entries(tmp.resolve("new/a")), "its temporary sibling was removed");
    }

    @Test
    void aFailedProbeRemovesExactlyTheDirectoriesItCreated() throws Exception {
        Files.createDirectory(tmp.resolve("kept"));
        Map<String, String> before = FileTree.snapshot(tmp);
        String tooLong = tmp + "/kept/new/deeper/" + "n".repeat(256);
        String message = refusal(new OutputPlan().target("--gif", tooLong, Kind.FILE));
        assertTrue(message.startsWith("--gif: cannot write " + tooLong) && !message.contains(".tmp-"), message);
        assertEquals(before, FileTree.snapshot(tmp));
    }

    @Test
    void aSweepFolderMustBeNewOrEmpty() throws Exception {
        Path full = Files.createDirectory(tmp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        assertTrue(refusal(new OutputPlan().target("--out", full.toString(), Kind.FOLDER)).contains("is not empty"));
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        assertTrue(refusal(new OutputPlan().target("--out", file.toString(), Kind.FOLDER)).contains("it is a file"));
        OutputPlan plan = new OutputPlan().target("--out", tmp + "/a/b", Kind.FOLDER).check(QUIET);
        plan.prepare();
        assertTrue(Files.isDirectory(tmp.resolve("a/b")));
        assertEquals(0, entries(tmp.resolve("a/b")), "the probe file was removed");
    }

    @Test
    void aFolderHoldingTheInputIsRefused() throws Exception {
        Path m = Files.createDirectories(tmp.resolve("out/m"));
        String message = refusal(new OutputPlan().input("--model", m.toString())
                .target("--save", tmp.resolve("out").toString(), Kind.BUNDLE));
        assertTrue(message.startsWith("--model ") && message.contains("lies inside --save"), message);
    }
}
