package org.a2clab.experiment;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete removes only what A2C Lab wrote (issue 19, defect 3): a folder is shown to be ours by its
 * run.json's format marker (or a sweep's strict result.json), every entry is checked before
 * anything is removed, leftovers are matched by their exact names, links are never followed.
 */
class RunDeletionTest {
    @TempDir
    Path tmp;

    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withLearningRate(3e-3);

    private Workspace ws() {
        return new Workspace(tmp);
    }

    private RunRecord record(String id) throws IOException {
        return ws().read(tmp.resolve(id));
    }

    private RunRefusedException refused(String id) throws IOException {
        RunRecord r = record(id);
        return assertThrows(RunRefusedException.class, () -> ws().delete(r));
    }

    @Test
    void aFolderWhoseRunJsonIsNotOursIsNeverDeleted() throws IOException {
        Path dir = RunFolders.finished(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Files.writeString(dir.resolve(RunFolder.META), "{\"format\":\"my-notes\",\"state\":\"finished\"}");
        assertEquals("run.json is not an A2C Lab run file", record("lr=0.003/seed-1").problem());

        RunRefusedException e = refused("lr=0.003/seed-1");
        assertTrue(e.getMessage().contains("run.json is not an A2C Lab run file"), e.getMessage());
        assertEquals(List.of(RunFolder.METRICS, RunFolder.RESULT, RunFolder.META), names(dir));
    }

    @Test
    void hiddenFilesNamedLikeLeftoversButNotExactlyAreTheUsers() throws IOException {
        for (String hidden : List.of(".model.tmp_backup", ".result.json.old_notes", ".model.tmp7", ".run.json.tmp-12-xyz")) {
            Path dir = RunFolders.appRun(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1));
            Path mine = hidden.startsWith(".model") ? Files.createDirectory(dir.resolve(hidden)) : dir.resolve(hidden);
            Files.writeString(hidden.startsWith(".model") ? mine.resolve("notes.txt") : mine, "mine");

            RunRefusedException e = refused("lr=0.003/seed-1");
            assertTrue(e.getMessage().contains(hidden), e.getMessage());
            assertTrue(Files.exists(dir.resolve(RunFolder.META)), "nothing is removed: " + hidden);
            assertTrue(Files.exists(mine), hidden);
            deleteTree(dir);
        }
    }

    @Test
    void exactLeftoversOfADeadSaveGoWithTheRunThoseOfALiveOneAreNotTouched() throws Exception {
        Path dir = RunFolders.appRun(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1));
        Path live = dir.resolve(".result.json.tmp-" + ProcessHandle.current().pid() + "-1f");
        Files.writeString(live, "{}");
        RunRefusedException e = refused("lr=0.003/seed-1");
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
        assertTrue(Files.exists(live));

        Files.move(live, dir.resolve(".result.json.tmp-" + SpecialFiles.deadPid() + "-1f"));
        Path model = Files.createDirectory(dir.resolve(".model.tmp-" + SpecialFiles.deadPid() + "-a0"));
        Files.writeString(model.resolve("manifest.json"), "{}");
        ws().delete(record("lr=0.003/seed-1"));
        assertFalse(Files.exists(tmp.resolve("lr=0.003")), "the run and its emptied setting folder are gone");
    }

    @Test
    void linksAreRefusedNeverFollowed() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(mine.resolve("manifest.json"), "mine");
        Path dir = RunFolders.appRun(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1));
        Files.createSymbolicLink(dir.resolve(RunFolder.MODEL), mine);
        RunRefusedException e = refused("lr=0.003/seed-1");
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());

        Files.delete(dir.resolve(RunFolder.MODEL));
        Path model = Files.createDirectory(dir.resolve(RunFolder.MODEL));
        Files.createSymbolicLink(model.resolve("manifest.json"), mine.resolve("manifest.json"));
        e = refused("lr=0.003/seed-1");
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("mine", Files.readString(mine.resolve("manifest.json")));
        assertTrue(Files.exists(dir.resolve(RunFolder.META)));
    }

    @Test
    void aSweepsRunWithoutRunJsonIsDeletedOnlyIfItsResultIsStrictlyOurs() throws IOException {
        Path sweep = RunFolders.finished(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Path foreign = Files.createDirectories(tmp.resolve("lr=0.003/seed-2"));
        Files.writeString(foreign.resolve(RunFolder.RESULT), "{\"solved\":true,\"env_steps\":5}");
        Files.writeString(foreign.resolve(RunFolder.METRICS), "my own lines\n");

        RunRefusedException e = refused("lr=0.003/seed-2");
        assertTrue(e.getMessage().contains("result.json is not one A2C Lab wrote"), e.getMessage());
        assertTrue(Files.exists(foreign.resolve(RunFolder.METRICS)));

        ws().delete(record("lr=0.003/seed-1"));
        assertFalse(Files.exists(sweep));
    }

    @Test
    void anEmptiedParentGoesOnlyIfA2cLabNamedIt() throws IOException {
        RunFolders.appRun(tmp.resolve("my notes/seed-1"), HP.withSeed(1));
        RunFolders.appRun(tmp.resolve("2026-01-31T12-00-00 lr=0.003/seed-1"), HP.withSeed(1));
        ws().delete(record("my notes/seed-1"));
        assertTrue(Files.isDirectory(tmp.resolve("my notes")), "a folder the user named stays");
        ws().delete(record("2026-01-31T12-00-00 lr=0.003/seed-1"));
        assertFalse(Files.exists(tmp.resolve("2026-01-31T12-00-00 lr=0.003")));
    }

    @Test
    void aDeleteThatFailsHalfWayLeavesTheRunListedAsPartlyDeleted() throws IOException {
        Path dir = RunFolders.appRun(tmp.resolve("2026-01-31T12-00-00 train/seed-1"), HP.withSeed(1));
        Path model = Files.createDirectories(dir.resolve(RunFolder.MODEL).resolve("best"));
        Files.writeString(dir.resolve("model/manifest.json"), "{}");
        Files.writeString(model.resolve("model.safetensors"), "x");
        Path stuck = dir.resolve("model/manifest.json");
        RunRemoval.Remover failing = p -> {
            if (p.equals(stuck)) {
                throw new java.nio.file.AccessDeniedException(p.toString());
            }
            Files.delete(p);
        };

        IOException e = assertThrows(IOException.class, () -> RunRemoval.delete(tmp.toAbsolutePath(), dir, failing));
        assertTrue(e.getMessage().contains("partly deleted: model/ could not be removed (permission denied)"),
                e.getMessage());
        RunRecord left = ws().scan().get(0);
        assertEquals("2026-01-31T12-00-00 train/seed-1", left.id(), "the rest is no invisible orphan");
        assertEquals(RunState.DAMAGED, left.state());
        assertEquals("partly deleted: model/ could not be removed (permission denied)", left.problem());
        assertTrue(Files.exists(dir.resolve(RunFolder.RESULT)), "model/ goes first, the run's files after it");

        ws().delete(left);
        assertFalse(Files.exists(dir.getParent()), "deleting it again finishes the job");
    }

    @Test
    void aNameGivenWhileADeleteFailsHalfWayIsKeptInTheDamagedMark() throws IOException {
        Path dir = RunFolders.appRun(tmp.resolve("2026-01-31T12-00-00 train/seed-1"), HP.withSeed(1));
        Path stuck = dir.resolve(RunFolder.RESULT);
        RunRemoval.Remover failing = p -> {
            if (p.equals(stuck)) {
                // a rename from another window lands between the check and the removal
                RunMeta.rename(dir, "kept name");
                throw new java.nio.file.AccessDeniedException(p.toString());
            }
            Files.delete(p);
        };
        assertThrows(IOException.class, () -> RunRemoval.delete(tmp.toAbsolutePath(), dir, failing));
        RunRecord left = ws().scan().get(0);
        assertEquals(RunState.DAMAGED, left.state());
        assertEquals("kept name", RunMeta.read(dir).name(), "the damaged mark goes through run.json's one update");
    }

    @Test
    void aPipeInPlaceOfARunFileIsRefused() throws Exception {
        Path dir = RunFolders.appRun(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1));
        Files.delete(dir.resolve(RunFolder.METRICS));
        SpecialFiles.mkfifo(dir.resolve(RunFolder.METRICS));
        RunRefusedException e = refused("lr=0.003/seed-1");
        assertTrue(e.getMessage().contains("metrics.jsonl is a special file"), e.getMessage());
        assertTrue(Files.exists(dir.resolve(RunFolder.META)));
    }

    @Test
    void aFolderThatCannotBeEmptiedIsRefusedBeforeAnythingIsRemoved() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write into any folder whatever its permissions");
        Path dir = RunFolders.appRun(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1));
        Path best = Files.createDirectories(dir.resolve("model/best"));
        Files.writeString(best.resolve("manifest.json"), "{}");
        Files.setPosixFilePermissions(best, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            RunRefusedException e = refused("lr=0.003/seed-1");
            assertTrue(e.getMessage().contains("model/best/ is not writable"), e.getMessage());
            assertTrue(Files.exists(best.resolve("manifest.json")) && Files.exists(dir.resolve(RunFolder.META)));
        } finally {
            Files.setPosixFilePermissions(best, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void renameWritesRunJsonOnlyIntoAFolderShownToBeOurs() throws IOException {
        Path foreign = RunFolders.finished(tmp.resolve("lr=0.003/seed-1"), HP.withSeed(1), true, 9000, 476, 1, 5);
        Files.writeString(foreign.resolve(RunFolder.META), "{\"format\":\"my-notes\"}");
        RunRecord r = record("lr=0.003/seed-1");
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> ws().rename(r, "x"));
        assertTrue(e.getMessage().contains("not an A2C Lab run file"), e.getMessage());
        assertEquals("{\"format\":\"my-notes\"}", Files.readString(foreign.resolve(RunFolder.META)));

        RunFolders.finished(tmp.resolve("lr=0.003/seed-2"), HP.withSeed(2), true, 9000, 476, 1, 5);
        ws().rename(record("lr=0.003/seed-2"), "a sweep's run");
        assertEquals("a sweep's run", record("lr=0.003/seed-2").name());
        assertEquals(RunState.FINISHED, record("lr=0.003/seed-2").state());
    }

    static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
