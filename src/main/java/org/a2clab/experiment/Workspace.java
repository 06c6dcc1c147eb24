package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.AtomicDirectory;

/**
 * A folder of runs in the layout {@code sweep --out DIR} writes under {@code DIR/runs}: one
 * folder per setting, one {@code seed-S} folder per run inside it (or a run folder directly).
 * The app's default workspace is {@code ~/.a2c-lab/runs}.
 */
public final class Workspace {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    private final Path root;

    /** {@code folder}: a workspace, or a sweep's output folder (its {@code runs} folder is used). */
    public Workspace(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        this.root = Files.isDirectory(f.resolve("runs")) && !RunFolder.looksLikeRun(f.resolve("runs"))
                && Files.exists(f.resolve("summary.json")) ? f.resolve("runs") : f;
    }

    public static Path defaultFolder(Path home) {
        return home.resolve(".a2c-lab").resolve("runs");
    }

    public Path root() {
        return root;
    }

    /** Every run folder, damaged ones included, in folder order; a missing workspace has none. */
    public List<RunRecord> scan() throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        for (Path child : children(root)) {
            if (RunFolder.looksLikeRun(child)) {
                runs.add(read(child));
                continue;
            }
            for (Path inner : children(child)) {
                if (RunFolder.isSeedFolderName(inner.getFileName().toString()) || RunFolder.looksLikeRun(inner)) {
                    runs.add(read(inner));
                }
            }
        }
        return runs;
    }

    public RunRecord read(Path dir) {
        return RunReader.read(idOf(dir), dir);
    }

    public String idOf(Path dir) {
        return root.relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /**
     * Creates a new experiment folder named by the time and {@code label} (e.g. "lr=0.001" or
     * "train"); creating it here reserves the name, so two started in the same second differ.
     */
    public Path newExperimentFolder(String label, LocalDateTime now) throws IOException {
        String base = now.format(STAMP) + " " + label.replaceAll("[^A-Za-z0-9=._-]", "_");
        Files.createDirectories(root);
        for (int i = 1; ; i++) {
            Path p = root.resolve(i == 1 ? base : base + " (" + i + ")");
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (i > 1000) {
                    throw e;
                }
            }
        }
    }

    /** Gives a run a name shown in place of its settings; blank: back to the settings. */
    public void rename(RunRecord run, String name) throws IOException {
        String n = name == null || name.isBlank() ? null : name.strip();
        if (n != null && n.length() > 120) {
            throw new IllegalArgumentException("a run name has at most 120 characters");
        }
        RunMeta.rename(run.dir(), n);
    }

    /** Run id → palette index, for the runs whose run.json keeps one. */
    public Map<String, Integer> keptColours(List<RunRecord> runs) {
        Map<String, Integer> kept = new HashMap<>();
        for (RunRecord r : runs) {
            Integer c = colourOf(r);
            if (c != null) {
                kept.put(r.id(), c);
            }
        }
        return kept;
    }

    /**
     * The run's palette index kept in its run.json, or null (none kept, no run.json, or one that
     * cannot be read: the run then gets a new colour).
     */
    public Integer colourOf(RunRecord run) {
        if (!Files.exists(run.dir().resolve(RunFolder.META))) {
            return null;
        }
        try {
            return RunMeta.read(run.dir()).colour();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Keeps the run's palette index in its run.json. {@code ours}: the settings of a run the app
     * started, whose run.json may not exist yet (one is written then, saying stopped until the run
     * writes its own state, so a run that never started reads as stopped); null for a run found on
     * disk (e.g. a sweep's folder): only an existing run.json is updated.
     */
    public void keepColour(Path dir, int index, RunSettings ours) throws IOException {
        RunMeta.colour(dir, index, ours);
    }

    /**
     * Deletes a run folder, only if everything in it is something A2C Lab writes there (see
     * {@link RunFolder}); then its setting folder too if that is left empty.
     */
    public void delete(RunRecord run) throws IOException {
        Path dir = run.dir();
        checkOwned(dir);
        for (String name : List.of(RunFolder.METRICS, RunFolder.RESULT, RunFolder.META)) {
            Files.deleteIfExists(dir.resolve(name));
        }
        AtomicDirectory.deleteRecursively(dir.resolve(RunFolder.MODEL));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                // leftovers of an interrupted atomic write of one of our files
                AtomicDirectory.deleteRecursively(p);
            }
        }
        Files.delete(dir);
        Path parent = dir.getParent();
        if (!parent.equals(root) && parent.startsWith(root)) {
            try (Stream<Path> s = Files.list(parent)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            }
        }
    }

    private static void checkOwned(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a run folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                boolean ours = RunFolder.OWNED.contains(name) && (name.equals(RunFolder.MODEL)
                        ? Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        || isLeftover(name);
                if (!ours) {
                    throw new IOException(dir.getFileName() + " holds '" + name
                            + "', which A2C Lab did not write; the folder was left as it is");
                }
            }
        }
        if (Files.isDirectory(dir.resolve(RunFolder.MODEL))) {
            try {
                ModelBundle.checkSaveTarget(dir.resolve(RunFolder.MODEL));
            } catch (BundleException e) {
                throw new IOException("its model folder: " + e.getMessage() + "; the folder was left as it is");
            }
        }
    }

    /** A hidden temporary or previous version of one of our files, e.g. ".result.json.tmp-123-af". */
    private static boolean isLeftover(String name) {
        for (String owned : RunFolder.OWNED) {
            if (name.startsWith("." + owned + ".tmp") || name.startsWith("." + owned + ".old")) {
                return true;
            }
        }
        return false;
    }
}
