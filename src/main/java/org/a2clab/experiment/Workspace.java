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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of runs in the layout {@code sweep --out DIR} writes under {@code DIR/runs}: one
 * folder per setting, one {@code seed-S} folder per run inside it (or a run folder directly).
 * The app's default workspace is {@code ~/.a2c-lab/runs}.
 */
public final class Workspace {
    private static final String SWEEP_RUNS = "runs";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    /** Longest name a run can be given. */
    public static final int MAX_NAME = 120;
    private final Path root;

    /** {@code folder}: a workspace, or a sweep's output folder (its {@code runs} folder is used). */
    public Workspace(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        this.root = isSweepOutput(f) ? f.resolve(SWEEP_RUNS) : f;
    }

    /**
     * A sweep's output folder: {@code runs/} is its only folder (the rest are summary and plot
     * files). {@code sweep --out} makes {@code runs/} before its first run and writes
     * summary.json last, so a sweep that was killed opens as well as one that finished.
     */
    private static boolean isSweepOutput(Path f) {
        Path runs = f.resolve(SWEEP_RUNS);
        if (!Files.isDirectory(runs, LinkOption.NOFOLLOW_LINKS) || RunFolder.looksLikeRun(f) || RunFolder.looksLikeRun(runs)) {
            return false;
        }
        try {
            return children(f).equals(List.of(runs));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Path defaultFolder(Path home) {
        return home.resolve(".a2c-lab").resolve("runs");
    }

    public Path root() {
        return root;
    }

    /**
     * Every run folder, damaged ones included, in folder order; a missing workspace has none. A
     * folder that cannot be listed is one damaged entry; only a workspace folder that cannot be
     * listed itself fails the scan. Links are not followed.
     */
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
            List<Path> inner;
            try {
                inner = children(child).stream().filter(Workspace::isRunInSettingFolder).toList();
            } catch (Throwable e) {
                runs.add(RunRecord.damaged(idOf(child), child, RunReader.reason(e, "the folder")));
                continue;
            }
            for (Path run : inner) {
                runs.add(read(run));
            }
        }
        return runs;
    }

    private static boolean isRunInSettingFolder(Path dir) {
        return RunFolder.isSeedFolderName(dir.getFileName().toString()) || RunFolder.looksLikeRun(dir);
    }

    /** The run the listing calls {@code id}, if there is one (never a folder outside the workspace). */
    public Optional<RunRecord> find(String id) {
        String[] parts = id.split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        for (String part : parts) {
            if (part.isEmpty() || part.startsWith(".") || part.contains("\\")) {
                return Optional.empty();
            }
        }
        Path dir;
        try {
            dir = root.resolve(id).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        Path parent = dir.getParent();
        boolean listed = parts.length == 1 ? RunFolder.looksLikeRun(dir)
                : parent.getParent().equals(root) && Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)
                        && !RunFolder.looksLikeRun(parent) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                        && isRunInSettingFolder(dir);
        return listed && dir.startsWith(root) ? Optional.of(read(dir)) : Optional.empty();
    }

    public RunRecord read(Path dir) {
        return RunReader.read(idOf(dir), dir);
    }

    /**
     * A run that just ended, read back with the {@code curves} it recorded while it ran: its
     * metrics.jsonl holds the same points, and a long run's file is not worth reading again.
     */
    public RunRecord readEnded(Path dir, RunCurves curves) {
        return RunReader.read(idOf(dir), dir, curves);
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

    /**
     * Gives a run a name shown in place of its settings; blank: back to the settings. The name is
     * kept in run.json, written only into a folder shown to be A2C Lab's (see {@link #delete}).
     * Touches run.json only: the run as renamed is {@code run} with the new name, its curves as read.
     */
    public RunRecord rename(RunRecord run, String name) throws IOException {
        String n = name == null || name.isBlank() ? null : name.strip();
        if (n != null && n.length() > MAX_NAME) {
            throw new IllegalArgumentException("a run name has at most " + MAX_NAME + " characters");
        }
        if (n != null && n.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a run name cannot hold control characters (such as a line break)");
        }
        RunRemoval.provenOurs(run.dir());
        RunMeta.rename(run.dir(), n);
        return run.withName(n);
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
        if (!RunFiles.exists(run.dir().resolve(RunFolder.META))) {
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
     * Deletes a run folder, only if it is shown to be A2C Lab's (run.json with the format marker,
     * or for a sweep's folder a result.json that reads strictly as a run's) and everything in it
     * is something A2C Lab writes there (exact names, no links, writable folders), all checked
     * before anything is removed; then its setting folder if A2C Lab made it and it is left
     * empty. A refusal is a {@link RunRefusedException}; a removal that fails half way leaves the
     * run listed as damaged ("partly deleted: ...").
     */
    public void delete(RunRecord run) throws IOException {
        RunRemoval.delete(root, run.dir(), Files::delete);
    }
}
