package org.a2clab.export;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.io.UnixAccess;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and exporting never replace or lose what A2C Lab did not write. */
class SaveTargetTest {
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(16).withNumEnvs(4)
            .withNSteps(5).withSeed(7).withDevice(DeviceChoice.CPU);
    static final TrainingResult RESULT = new TrainingResult(false, 1234, 56, 78, 1.5, 21.25, "CPU", HP);

    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    private static void save(Path dir, long seed) throws BundleException {
        try (ActorCritic net = new ActorCritic(16, seed, Device.cpu())) {
            ModelBundle.save(dir, net, RESULT);
        }
    }

    private static String refusedSave(Path dir) {
        return assertThrows(BundleException.class, () -> save(dir, 2)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
        }
    }

    private List<String> hiddenEntries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).collect(Collectors.toList());
        }
    }

    // ---- defect 1 ----

    @Test
    void aDirectoryWithAManifestAndOtherFilesIsNotReplaced() throws Exception {
        Path w = Files.createDirectory(tmp.resolve("w"));
        Files.writeString(w.resolve("manifest.json"), "{}");
        Files.createDirectory(w.resolve("src"));
        Files.writeString(w.resolve("src/a.js"), "k");
        assertMentions(refusedSave(w), w.toString(), "'src'", "not a file of a model bundle");
        assertEquals("k", Files.readString(w.resolve("src/a.js")));
        assertEquals("{}", Files.readString(w.resolve("manifest.json")));

        Files.delete(w.resolve("src/a.js"));
        Files.delete(w.resolve("src"));
        assertMentions(refusedSave(w), "not an A2C Lab model bundle", "manifest.json");
        assertEquals("{}", Files.readString(w.resolve("manifest.json")));
        assertTrue(hiddenEntries().isEmpty(), "nothing left behind: " + hiddenEntries());
    }

    @Test
    void aRealBundleWithAFileOfTheUsersIsNotReplaced() throws Exception {
        Path b = tmp.resolve("b");
        save(b, 1);
        byte[] manifest = Files.readAllBytes(b.resolve("manifest.json"));
        for (String foreign : new String[] {"notes.txt", ".DS_Store"}) {
            Files.writeString(b.resolve(foreign), "mine");
            assertMentions(refusedSave(b), "'" + foreign + "'");
            assertEquals("mine", Files.readString(b.resolve(foreign)));
            assertArrayEquals(manifest, Files.readAllBytes(b.resolve("manifest.json")), "the bundle is untouched");
            Files.delete(b.resolve(foreign));
        }
        byte[] weights = Files.readAllBytes(b.resolve("model.safetensors"));
        save(b, 2);
        assertFalse(java.util.Arrays.equals(weights, Files.readAllBytes(b.resolve("model.safetensors"))),
                "a bundle holding only its own files is replaced");
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
    }

    /** train --save DIR writes DIR/best inside DIR: a bundle with its best checkpoint is ours too. */
    @Test
    void aBundleWithItsBestCheckpointIsReplacedButNotWhenBestHoldsAFileOfTheUsers() throws Exception {
        Path b = tmp.resolve("b");
        save(b, 1);
        save(b.resolve(ModelBundle.BEST_DIR), 1);
        save(b, 2);
        assertFalse(Files.exists(b.resolve(ModelBundle.BEST_DIR)), "the whole old bundle was replaced");
        save(b.resolve(ModelBundle.BEST_DIR), 1);
        Files.writeString(b.resolve(ModelBundle.BEST_DIR).resolve("notes.txt"), "mine");
        assertMentions(refusedSave(b), "'" + ModelBundle.BEST_DIR + "'");
        assertEquals("mine", Files.readString(b.resolve(ModelBundle.BEST_DIR).resolve("notes.txt")));
        Files.createDirectory(tmp.resolve("c"));
        save(tmp.resolve("c").resolve(ModelBundle.BEST_DIR), 1);
        Path nested = tmp.resolve("c").resolve(ModelBundle.BEST_DIR).resolve(ModelBundle.BEST_DIR);
        save(nested, 1);
        assertMentions(refusedSave(tmp.resolve("c")), "'" + ModelBundle.BEST_DIR + "'");
    }

    // ---- defect 2 ----

    @Test
    void targetsThatAreNotDirectoriesAreRefusedAndKept() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        assertMentions(refusedSave(file), "it is a file, not a directory");
        assertEquals("mine", Files.readString(file));

        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertMentions(refusedSave(link), "symbolic link");
        assertTrue(Files.isSymbolicLink(link));

        Path fifo = SpecialFiles.mkfifo(tmp.resolve("fifo"));
        assertMentions(refusedSave(fifo), "special file");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo), "still a FIFO");
    }

    @Test
    void aZipIsNeverRenamedOverAFifoADirectoryOrALink() throws Exception {
        Path b = tmp.resolve("b");
        save(b, 1);
        Path fifo = SpecialFiles.mkfifo(tmp.resolve("out.zip"));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.zip(b, fifo));
        assertMentions(e.getMessage(), "out.zip", "special file");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");

        Path target = Files.writeString(tmp.resolve("target.txt"), "mine");
        Path link = Files.createSymbolicLink(tmp.resolve("link.zip"), target);
        assertMentions(assertThrows(BundleException.class, () -> ModelBundle.zip(b, link)).getMessage(), "symbolic link");
        assertEquals("mine", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
    }

    // ---- a failed save over an existing bundle ----

    @Test
    void aSaveThatFailsMidWayLeavesTheOldBundleByteIdentical() throws Exception {
        Path b = tmp.resolve("b");
        save(b, 1);
        Map<String, byte[]> before = contents(b);
        ActorCritic closed = new ActorCritic(16, 3, Device.cpu());
        closed.close();
        // writing the parameters of a closed network fails after the temporary directory exists
        assertThrows(RuntimeException.class, () -> ModelBundle.save(b, closed, RESULT));
        Map<String, byte[]> after = contents(b);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f);
        }
        assertTrue(hiddenEntries().isEmpty(), "no temporary directory left: " + hiddenEntries());
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    // ---- a save killed between its two renames ----

    @Test
    void theNextLoadPutsBackABundleLeftAsideByAKilledSave() throws Exception {
        long dead = SpecialFiles.deadPid();
        Path b = tmp.resolve("b");
        save(b, 1);
        byte[] manifest = Files.readAllBytes(b.resolve("manifest.json"));
        // the state a kill between the renames leaves: the old bundle aside, the new one half-written
        Path old = tmp.resolve(".b.old-" + dead + "-1a2b");
        Files.move(b, old);
        Path temp = Files.createDirectory(tmp.resolve(".b.tmp-" + dead + "-3c4d"));
        Files.writeString(temp.resolve("model.safetensors"), "half");

        List<String> notes = ModelBundle.recoverInterruptedSave(b);
        assertEquals(2, notes.size(), notes.toString());
        assertMentions(notes.get(0), "restored " + b, old.getFileName().toString());
        assertMentions(notes.get(1), "removed", temp.getFileName().toString());
        assertArrayEquals(manifest, Files.readAllBytes(b.resolve("manifest.json")));
        assertTrue(hiddenEntries().isEmpty(), hiddenEntries().toString());
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
    }

    @Test
    void loadAndSaveRepairOnTheirOwnAndLeaveLiveOrForeignDirectoriesAlone() throws Exception {
        long dead = SpecialFiles.deadPid();
        Path b = tmp.resolve("b");
        save(b, 1);
        Files.move(b, tmp.resolve(".b.old-" + dead + "-aa"));
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize(), "load put the bundle back");
        }
        long self = ProcessHandle.current().pid();
        Path live = Files.createDirectory(tmp.resolve(".b.tmp-" + self + "-bb"));
        Files.writeString(live.resolve("manifest.json"), "being written");
        Path foreign = Files.createDirectory(tmp.resolve(".b.tmp-" + dead + "-cc"));
        Files.writeString(foreign.resolve("notes.txt"), "not ours");
        Path stale = Files.createDirectory(tmp.resolve(".b.tmp-" + dead + "-dd"));
        Files.writeString(stale.resolve("metrics.csv"), "half");
        save(b, 2);
        assertFalse(Files.exists(stale), "a stale temporary directory is removed by the next save");
        assertEquals("being written", Files.readString(live.resolve("manifest.json")), "a running save's directory stays");
        assertEquals("not ours", Files.readString(foreign.resolve("notes.txt")), "a directory holding other files stays");
    }

    // ---- permissions follow the umask ----

    @Test
    void bundlesAndZipsGetTheUsersUmaskNotPrivateModes() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path refDir = Files.createDirectory(tmp.resolve("reference-dir"));
        Path refFile = Files.createFile(tmp.resolve("reference-file"));
        assumeTrue(!perms(refDir).equals("rwx------"), "umask 077: private modes are the user's choice here");
        Path b = tmp.resolve("b");
        save(b, 1);
        assertEquals(perms(refDir), perms(b), "bundle directory");
        assertEquals(perms(refFile), perms(b.resolve("manifest.json")), "manifest");
        Path zip = tmp.resolve("b.zip");
        ModelBundle.zip(b, zip);
        assertEquals(perms(refFile), perms(zip), "zip");
    }

    /** Issue 20.6: the folder the user chose keeps its access, first save and every save after. */
    @Test
    void anExistingFolderKeepsItsModeAndGroupWhenABundleIsSavedIntoItAndAgain() throws Exception {
        assumeTrue(UnixAccess.supported(tmp));
        Path chosen = UnixAccess.share(Files.createDirectory(tmp.resolve("chosen")), 02750);
        String access = UnixAccess.describe(chosen);
        save(chosen, 1);
        assertTrue(Files.isRegularFile(chosen.resolve("manifest.json")));
        assertEquals(access, UnixAccess.describe(chosen), "an empty folder the user chose");
        byte[] first = Files.readAllBytes(chosen.resolve(ModelBundle.SAFETENSORS_FILE));
        save(chosen, 2);
        assertFalse(Arrays.equals(first, Files.readAllBytes(chosen.resolve(ModelBundle.SAFETENSORS_FILE))),
                "saved again");
        assertEquals(access, UnixAccess.describe(chosen), "a bundle saved again");
        assertEquals(List.of(), hiddenEntries());

        Path zip = UnixAccess.share(Files.writeString(tmp.resolve("chosen.zip"), "an older export"), 0640);
        String zipAccess = UnixAccess.describe(zip);
        ModelBundle.zip(chosen, zip);
        assertEquals(zipAccess, UnixAccess.describe(zip), "a .zip written over an earlier one");
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    // ---- defect 7: export packs only the bundle ----

    @Test
    void aZipHoldsOnlyTheBundlesFilesEvenWhenWrittenIntoTheBundle() throws Exception {
        Path b = tmp.resolve("b");
        save(b, 1);
        Files.writeString(b.resolve(".DS_Store"), "finder");
        Files.writeString(b.resolve(".hidden"), "x");
        for (int i = 0; i < 40; i++) {
            Files.writeString(b.resolve("note-" + i + ".txt"), "n");
        }
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "do not pack");
        Files.createSymbolicLink(b.resolve("chart-leak.png"), secret);
        Path zip = b.resolve("b.zip");
        ModelBundle.zip(b, zip);
        ModelBundle.zip(b, zip); // again: the first zip and the temp file of the second stay out
        try (ZipFile z = new ZipFile(zip.toFile())) {
            TreeSet<String> names = z.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(List.of("actor-critic-0000.params", "manifest.json", "model.onnx", "model.safetensors")), names);
        }
        try (LoadedModel m = ModelBundle.load(zip, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
    }

    // ---- two saves at once ----

    /**
     * Two threads save to the same directory over and over: saves from one process take turns,
     * so every one lands (a clash, were it to happen, must say so), the end is one loadable
     * bundle and nothing is left beside it.
     */
    @Test
    void concurrentSavesNeverHideTheirErrorNorLeaveDebris() throws Exception {
        Path b = tmp.resolve("b");
        List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Runnable saver = () -> {
            DjlRuntime.prepareTrainingThread();
            try (ActorCritic net = new ActorCritic(16, Thread.currentThread().getId(), Device.cpu())) {
                for (int i = 0; i < 15; i++) {
                    try {
                        ModelBundle.save(b, net, RESULT);
                    } catch (BundleException e) {
                        failures.add(e.getMessage());
                    }
                }
            }
        };
        Thread one = new Thread(saver);
        Thread two = new Thread(saver);
        one.start();
        two.start();
        one.join();
        two.join();
        assertEquals(List.of(), failures);
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
        assertTrue(hiddenEntries().isEmpty(), "nothing left beside the bundle: " + hiddenEntries());
    }

    // ---- issue 19: leftovers matched exactly, names that fit ----

    /** Hidden folders of the user's that merely start like a leftover stay, whatever they hold. */
    @Test
    void loadAndSaveLeaveTheUsersLookAlikeFoldersAlone() throws Exception {
        Path b = tmp.resolve("k");
        save(b, 1);
        List<Path> mine = List.of(tmp.resolve(".k.tmp7"), tmp.resolve(".k.old-12"), tmp.resolve(".k.tmp_backup"),
                tmp.resolve(".k.tmp-" + SpecialFiles.deadPid() + "-notes"));
        for (Path p : mine) {
            Files.createDirectory(p);
            Files.writeString(p.resolve("metrics.csv"), "mine");
        }
        Files.move(b, tmp.resolve(".k.old-" + SpecialFiles.deadPid() + "-ab"));
        List<String> notes = ModelBundle.recoverInterruptedSave(b);
        assertEquals(1, notes.size(), notes.toString());
        assertMentions(notes.get(0), "restored " + b);
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
        save(b, 2);
        for (Path p : mine) {
            assertEquals("mine", Files.readString(p.resolve("metrics.csv")), p.toString());
        }
    }

    @Test
    void aLegalLongNameIsSavedLoadedAndZipped() throws Exception {
        Path b = tmp.resolve("m".repeat(250));
        save(b, 1);
        save(b, 2);
        try (LoadedModel m = ModelBundle.load(b, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
        Path zip = tmp.resolve("z".repeat(251) + ".zip");
        ModelBundle.zip(b, zip);
        try (LoadedModel m = ModelBundle.load(zip, Device.cpu())) {
            assertEquals(16, m.network().hiddenSize());
        }
        assertTrue(hiddenEntries().isEmpty(), hiddenEntries().toString());
    }
}
