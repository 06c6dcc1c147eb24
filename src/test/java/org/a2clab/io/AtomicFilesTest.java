package org.a2clab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("data.csv"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, temp -> {
            Files.writeString(temp, "half of the ne");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("data.csv"), names());
        AtomicFiles.write(f, temp -> Files.writeString(temp, "new"));
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("data.csv"), names());
    }

    @Test
    void onlyRegularFilesAreReplaced() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir.csv"));
        Files.writeString(dir.resolve("keep"), "k");
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(dir, temp -> Files.writeString(temp, "x")));
        assertTrue(e.getMessage().contains("it is a directory"), e.getMessage());
        assertEquals("k", Files.readString(dir.resolve("keep")));

        Path target = Files.writeString(tmp.resolve("target"), "t");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), target);
        e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(link, temp -> Files.writeString(temp, "x")));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("t", Files.readString(target));
        assertEquals(List.of("dir.csv", "link.csv", "target"), names(), "no temporary file left");
    }

    @Test
    void newFilesGetTheUsersUmask() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(tmp.resolve("reference"));
        Path f = tmp.resolve("new.csv");
        AtomicFiles.write(f, temp -> Files.writeString(temp, "x"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    /** A rename brings a new file: it takes the old one's mode and group, never a set-ID bit. */
    @Test
    void aReplacedFileKeepsItsModeAndGroup() throws Exception {
        assumeTrue(UnixAccess.supported(tmp));
        Path f = UnixAccess.share(Files.writeString(tmp.resolve("shared.csv"), "old"), 0640);
        String before = UnixAccess.describe(f);
        Object oldKey = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        AtomicFiles.write(f, temp -> Files.writeString(temp, "new"));
        assertEquals("new", Files.readString(f));
        assertTrue(!oldKey.equals(Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class).fileKey()),
                "a new file was renamed in");
        assertEquals(before, UnixAccess.describe(f));

        Files.setAttribute(f, "unix:mode", 04755);
        AtomicFiles.write(f, temp -> Files.writeString(temp, "newer"));
        assertEquals(0755, UnixAccess.mode(f), "the rwx bits, never set-user-ID");
        assertEquals(List.of("shared.csv"), names());
    }

    @Test
    void aReplacedDirectoryKeepsItsModeAndGroup() throws Exception {
        assumeTrue(UnixAccess.supported(tmp));
        Path target = UnixAccess.share(Files.createDirectory(tmp.resolve("shared")), 02750);
        String before = UnixAccess.describe(target);
        Path completed = AtomicDirectory.createTempSibling(target);
        Files.writeString(completed.resolve("manifest.json"), "new");
        AtomicDirectory.replace(completed, target);
        assertEquals("new", Files.readString(target.resolve("manifest.json")));
        assertEquals(before, UnixAccess.describe(target), "mode, setgid bit and group kept");
        assertEquals(List.of("shared"), names());
    }

    @Test
    void aDirectorySwapThatFailsPutsTheOldDirectoryBack() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("bundle"));
        Files.writeString(target.resolve("manifest.json"), "old");
        // the completed directory is gone (e.g. removed by someone else) when it is renamed in
        IOException e = assertThrows(IOException.class, () -> AtomicDirectory.replace(tmp.resolve("missing"), target));
        assertTrue(e instanceof java.nio.file.NoSuchFileException, e.toString());
        assertEquals("old", Files.readString(target.resolve("manifest.json")));
        assertEquals(List.of("bundle"), names());
    }

    /** kill -9 runs no finally block: the next write of the same file removes what it left. */
    @Test
    void theNextWriteRemovesTemporaryFilesOfAKilledWriteOfTheSameTargetOnly() throws Exception {
        long dead = SpecialFiles.deadPid();
        long self = ProcessHandle.current().pid();
        Path target = tmp.resolve("m.jsonl");
        Files.writeString(tmp.resolve(".m.jsonl.tmp-" + dead + "-1f"), "orphan");
        Files.writeString(tmp.resolve(".m.jsonl.tmp-" + dead + "-2e"), "orphan");
        Files.writeString(tmp.resolve(".m.jsonl.tmp-" + self + "-3d"), "a write of this process");
        Files.writeString(tmp.resolve(".m.jsonl.tmp7"), "the user's");
        Files.writeString(tmp.resolve(".m.jsonl.old-" + dead + "-4c"), "not a file write's");
        Files.writeString(tmp.resolve(".other.jsonl.tmp-" + dead + "-5b"), "another target's");
        Files.createDirectory(tmp.resolve(".m.jsonl.tmp-" + dead + "-6a"));
        AtomicFiles.write(target, f -> Files.writeString(f, "new"));
        assertEquals("new", Files.readString(target));
        assertEquals(new java.util.TreeSet<>(List.of(".m.jsonl.old-" + dead + "-4c", ".m.jsonl.tmp-" + dead + "-6a",
                ".m.jsonl.tmp-" + self + "-3d", ".m.jsonl.tmp7", ".other.jsonl.tmp-" + dead + "-5b", "m.jsonl")),
                new java.util.TreeSet<>(names()));
    }

    @Test
    void specialFilesAreNamedForWhatTheyAre() throws Exception {
        Path fifo = SpecialFiles.mkfifo(tmp.resolve("pipe"));
        assertEquals("a special file (a named pipe, FIFO)", AtomicFiles.what(fifo));
        assertEquals("it is a directory", AtomicFiles.kind(tmp));
        Path dev = Path.of("/dev/null");
        if (Files.exists(dev)) {
            assertEquals("a special file (a character device)", AtomicFiles.what(dev));
        }
    }
}
