package org.a2clab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.AtomicDirectory;
import org.a2clab.io.AtomicFiles;

/**
 * Every path a command writes, decided before any work starts, so a target problem that can be
 * known never costs a training run or damages the command's own input. {@link #check} resolves
 * each path (the directories that exist replaced by their real paths, links followed as the file
 * system will follow them) and refuses a target that is empty, lies on or inside the input or
 * another target (or holds one of them), is something a write would destroy, or sits under
 * something that is not a writable directory; it changes nothing on disk. Only then does
 * {@link #prepare} create missing parent directories (as {@code mkdir -p}) and each target's
 * temporary sibling, removed at once, so a name the file system refuses is refused here; if that
 * fails it removes exactly the directories it created. Commands write to {@link #path}.
 */
final class OutputPlan {
    /** How a target is written. */
    enum Kind {
        /** a file, written under a temporary sibling name and renamed into place */
        FILE,
        /** a model bundle directory ({@code train --save}), swapped in whole */
        BUNDLE,
        /** a directory the command fills ({@code sweep --out}): new or empty */
        FOLDER
    }

    /** An option's path as given and as resolved; {@code kind} is null for an input. */
    private record Entry(String option, String given, Path path, Kind kind) {
    }

    private final List<Entry> inputs = new ArrayList<>();
    private final List<Entry> targets = new ArrayList<>();

    /** A path the command reads ({@code --model}); null (option not given) adds nothing. */
    OutputPlan input(String option, String given) {
        if (given != null) {
            inputs.add(new Entry(option, given, resolve(option, given, true), null));
        }
        return this;
    }

    /** A path the command writes; null (option not given) adds nothing. */
    OutputPlan target(String option, String given, Kind kind) {
        if (given != null) {
            targets.add(new Entry(option, given, resolve(option, given, kind == Kind.FOLDER), kind));
        }
        return this;
    }

    /** The resolved path of {@code option}'s target, or null if it was not given. */
    Path path(String option) {
        return targets.stream().filter(t -> t.option().equals(option)).map(Entry::path).findFirst().orElse(null);
    }

    /**
     * Refuses (UsageException, one line naming the option) any target that cannot be written
     * safely; writes nothing, except that a {@code --save} bundle's interrupted earlier save is
     * repaired as every save does (said on {@code err}).
     */
    OutputPlan check(PrintStream err) {
        for (int i = 0; i < targets.size(); i++) {
            Entry t = targets.get(i);
            for (Entry other : inputs) {
                checkApart(t, other);
            }
            for (Entry other : targets.subList(0, i)) {
                checkApart(t, other);
            }
        }
        for (Entry t : targets) {
            checkTarget(t, err);
        }
        return this;
    }

    /**
     * Creates the missing parent directories (and a FOLDER target itself), then each target's
     * temporary sibling, removed at once. Call after {@link #check}; on failure the directories
     * created here are removed again, deepest first.
     */
    void prepare() {
        List<Path> created = new ArrayList<>();
        try {
            for (Entry t : targets) {
                for (Path dir : missingDirectories(t)) {
                    try {
                        created.add(Files.createDirectory(dir));
                    } catch (FileAlreadyExistsException e) {
                        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                            throw refused(t, "cannot create directory " + dir, e);
                        }
                    } catch (IOException e) {
                        throw refused(t, "cannot create directory " + dir, e);
                    }
                }
            }
            for (Entry t : targets) {
                try {
                    probe(t);
                } catch (IOException e) {
                    throw refused(t, (t.kind() == Kind.FOLDER ? "cannot write into " : "cannot write ")
                            + t.given(), e);
                }
            }
        } catch (UsageException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException notEmpty) {
                    // something else was put there meanwhile: it is not ours to remove
                }
            }
            throw e;
        }
    }

    private static UsageException refused(Entry t, String what, IOException e) {
        return new UsageException(t.option() + ": " + what + " (" + reason(e) + ")");
    }

    /**
     * {@code given} as an absolute path whose existing directories are replaced by their real
     * paths, links followed as the file system will follow them. The last name is followed only if
     * {@code followLast}: a file or bundle target that is a link is what a rename would replace.
     */
    static Path resolve(String option, String given, boolean followLast) {
        if (given.isEmpty()) {
            throw new UsageException(option + ": empty path");
        }
        Path absolute;
        try {
            absolute = Path.of(given).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid path (" + e.getReason() + ")");
        }
        Path real = absolute.getRoot();
        int last = absolute.getNameCount() - 1;
        try {
            for (int i = 0; i <= last; i++) {
                String name = absolute.getName(i).toString();
                if (name.equals(".") || name.equals("..")) {
                    // as the file system reads them: both need an existing directory before them
                    if (!Files.isDirectory(real)) {
                        throw new UsageException(option + ": " + given + ": '" + name + "' follows " + real
                                + ", which is not an existing directory");
                    }
                    if (name.equals("..") && real.getParent() != null) {
                        real = real.getParent();
                    }
                } else {
                    real = real.resolve(name);
                    if ((i < last || followLast) && Files.exists(real)) {
                        real = real.toRealPath();
                    }
                }
            }
        } catch (IOException e) {
            throw new UsageException(option + ": cannot resolve " + given + " (" + reason(e) + ")");
        }
        return real;
    }

    /** Refuses two paths that are equal or one inside the other. */
    private static void checkApart(Entry t, Entry other) {
        String rule = "; an output never goes on or inside the command's input or another output";
        if (t.path().equals(other.path())) {
            throw new UsageException(t.option() + " " + t.given() + " and " + other.option() + " " + other.given()
                    + " are the same path" + rule);
        }
        if (t.path().startsWith(other.path())) {
            throw new UsageException(t.option() + " " + t.given() + " lies inside " + other.option() + " "
                    + other.given() + rule);
        }
        if (other.path().startsWith(t.path())) {
            throw new UsageException(other.option() + " " + other.given() + " lies inside " + t.option() + " "
                    + t.given() + rule);
        }
    }

    private static void checkTarget(Entry t, PrintStream err) {
        Path path = t.path();
        Path parent = path.getParent();
        if (parent == null) {
            throw new UsageException(t.option() + ": " + t.given() + " has no parent directory");
        }
        Path existing = nearestExisting(parent);
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(t.option() + ": cannot create directory " + parent + " (" + existing + ": "
                    + AtomicFiles.kind(existing) + ")");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException(t.option() + ": directory " + existing + " is not writable");
        }
        switch (t.kind()) {
            case FILE:
                try {
                    AtomicFiles.checkReplaceable(path);
                } catch (IOException e) {
                    throw new UsageException(t.option() + ": cannot write " + t.given() + ": " + reason(e));
                }
                break;
            case BUNDLE:
                // with its parent missing there is nothing at the target yet to check
                if (existing.equals(parent)) {
                    ModelBundle.recoverInterruptedSave(path).forEach(note -> err.println("a2c-lab: " + note));
                    try {
                        ModelBundle.checkSaveTarget(path);
                    } catch (BundleException e) {
                        throw new UsageException(t.option() + ": " + e.getMessage());
                    }
                }
                break;
            case FOLDER:
                checkEmptyFolder(t);
                break;
            default:
                throw new IllegalStateException(t.kind().toString());
        }
    }

    private static void checkEmptyFolder(Entry t) {
        Path path = t.path();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(t.option() + ": " + t.given() + ": " + AtomicFiles.kind(path)
                    + ", not a directory");
        }
        try (Stream<Path> entries = Files.list(path)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException(t.option() + ": " + t.given() + " is not empty; choose a new directory");
            }
        } catch (IOException e) {
            throw new UsageException(t.option() + ": cannot list " + t.given() + " (" + reason(e) + ")");
        }
    }

    /** {@code dir} or its nearest ancestor that exists (a link counts as existing, unfollowed). */
    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && p.getParent() != null) {
            p = p.getParent();
        }
        return p;
    }

    /** The directories to create for {@code t}, outermost first: its missing parents, and a FOLDER itself. */
    private static List<Path> missingDirectories(Entry t) {
        List<Path> missing = new ArrayList<>();
        Path p = t.kind() == Kind.FOLDER ? t.path() : t.path().getParent();
        while (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, p);
            p = p.getParent();
        }
        return missing;
    }

    /**
     * Creates and removes what the writer will create, through the writers' own calls: the
     * temporary sibling, and, where nothing is at the target yet, the target's own name (the
     * sibling is renamed to it and removed), since a hidden name shortened to fit says nothing of
     * whether the file system takes the target's.
     */
    private static void probe(Entry t) throws IOException {
        Path temp;
        switch (t.kind()) {
            case FILE:
                temp = AtomicFiles.createTempSibling(t.path());
                break;
            case BUNDLE:
                temp = AtomicDirectory.createTempSibling(t.path());
                break;
            default:
                Files.delete(Files.createTempFile(t.path(), ".a2c-lab-probe-", ""));
                return;
        }
        if (Files.exists(t.path(), LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(temp);
            return;
        }
        try {
            // no REPLACE_EXISTING: something that appeared there meanwhile is never replaced
            Files.move(temp, t.path());
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.delete(t.path());
    }

    /** Why an operation failed, without the hidden names the user never gave. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getClass().getSimpleName();
    }
}
