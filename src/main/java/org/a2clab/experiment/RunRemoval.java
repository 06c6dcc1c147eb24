package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.Siblings;

/**
 * Deletes a run folder in two steps: first every entry is checked and the exact list of paths to
 * remove is made (refusing, with nothing removed, anything A2C Lab did not write: a run.json
 * without its format marker, a file with another name, a link, a pipe, a leftover of a save still
 * running, a folder that is not writable, a run another process trains); then exactly those paths are removed, model/ first and
 * run.json last, so a delete that fails half way leaves a run that is still listed, and run.json
 * says "partly deleted" and why. Links are never followed: each path is deleted itself.
 */
final class RunRemoval {
    /** Removes one path (a file, or a folder already emptied); {@code Files::delete} outside tests. */
    @FunctionalInterface
    interface Remover {
        void remove(Path path) throws IOException;
    }

    private final Path dir;
    private final List<Path> plan = new ArrayList<>();
    private RunMeta meta;

    private RunRemoval(Path dir) {
        this.dir = dir;
    }

    /**
     * Checks that A2C Lab may delete {@code dir}, a run folder of the workspace {@code root}, then
     * deletes it and its setting folder if that is one A2C Lab made and is left empty.
     */
    static void delete(Path root, Path dir, Remover remover) throws IOException {
        RunRemoval removal = new RunRemoval(dir.toAbsolutePath().normalize());
        removal.check();
        removal.removeAll(remover);
        Path parent = removal.dir.getParent();
        if (parent.getParent() != null && parent.getParent().equals(root)
                && RunFolder.isSettingFolderName(parent.getFileName().toString())) {
            try {
                remover.remove(parent);
            } catch (IOException e) {
                // not empty (other runs of the setting), or not removable: the run itself is gone
                // and an empty folder hides nothing
            }
        }
    }

    /**
     * Fails unless {@code dir} is shown to be A2C Lab's: its run.json has the format marker, or (a
     * sweep's folder, which has no run.json) its result.json reads strictly as one a run wrote.
     * Returns its run.json, or null for a sweep's folder.
     */
    static RunMeta provenOurs(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        if (RunFiles.exists(dir.resolve(RunFolder.META))) {
            try {
                return RunMeta.read(dir);
            } catch (RunFileException e) {
                throw refused(e.getMessage());
            }
        }
        if (!RunFiles.exists(dir.resolve(RunFolder.RESULT))) {
            throw refused(name + " has neither a run.json nor a result.json of A2C Lab's");
        }
        try {
            RunReader.result(dir);
        } catch (RunFileException e) {
            throw refused("it has no run.json, and its result.json is not one A2C Lab wrote: " + e.getMessage());
        }
        return null;
    }

    private void check() throws IOException {
        BasicFileAttributes a = attributes(dir);
        if (a == null || !a.isDirectory()) {
            throw refused(dir + " is not a run folder");
        }
        writable(dir.getParent(), "the folder holding it");
        writable(dir, "the run folder");
        if (RunLock.isHeldElsewhere(dir)) {
            // this app stops its own runs before deleting them; another process would write on
            throw refused("another A2C Lab process is training it; stop it there first");
        }
        List<Path> entries = list(dir);
        boolean onlyLeftovers = true;
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.equals(RunFolder.MODEL)) {
                bundle(p, "model/", true);
                onlyLeftovers = false;
            } else if (RunFolder.OWNED.contains(name)) {
                regularFile(p, name);
                onlyLeftovers = false;
            } else {
                leftover(p);
            }
        }
        // a run cut off before it wrote any file of its own leaves at most leftovers: nothing to lose
        if (!onlyLeftovers) {
            meta = provenOurs(dir);
        }
        // the order in which to remove: model/ first (the part most likely to fail), run.json last
        plan.sort((x, y) -> Integer.compare(rank(x), rank(y)));
        plan.add(dir);
    }

    private int rank(Path p) {
        String top = dir.relativize(p).getName(0).toString();
        if (top.equals(RunFolder.MODEL)) {
            return 0;
        }
        if (top.equals(RunFolder.META)) {
            return 3;
        }
        return RunFolder.OWNED.contains(top) ? 2 : 1;
    }

    /** A bundle folder ({@code model/}, its {@code best/}, or a save's leftover of one): bundle files only. */
    private void bundle(Path folder, String what, boolean top) throws IOException {
        BasicFileAttributes a = attributes(folder);
        if (a == null || !a.isDirectory()) {
            throw refused(what + " is " + kind(a) + ", not the model folder A2C Lab writes");
        }
        writable(folder, what);
        for (Path p : list(folder)) {
            String name = p.getFileName().toString();
            if (top && name.equals(ModelBundle.BEST_DIR)) {
                bundle(p, what + name + "/", false);
            } else if (ModelBundle.isBundleFile(name)) {
                regularFile(p, what + name);
            } else if (top && Siblings.isSiblingOf(ModelBundle.BEST_DIR, name)) {
                checkDeadSave(ModelBundle.BEST_DIR, name);
                bundle(p, what + name + "/", false);
            } else {
                throw refused(what + " holds " + quote(name) + ", which is not a file of a model bundle");
            }
        }
        plan.add(folder);
    }

    /**
     * A hidden sibling an atomic save of one of the run's files leaves when its process is killed,
     * matched exactly ({@link Siblings}): {@code .model.tmp_backup} is the user's.
     */
    private void leftover(Path p) throws IOException {
        String name = p.getFileName().toString();
        String owner = RunFolder.OWNED.stream().filter(o -> Siblings.isSiblingOf(o, name)).findFirst().orElse(null);
        if (owner == null) {
            throw refused(dir.getFileName() + " holds " + quote(name) + ", which A2C Lab did not write");
        }
        checkDeadSave(owner, name);
        if (owner.equals(RunFolder.MODEL)) {
            bundle(p, name + "/", true);
        } else {
            regularFile(p, name);
        }
    }

    private static void checkDeadSave(String owner, String name) throws RunRefusedException {
        if (!Siblings.isLeftoverOf(owner, name)) {
            throw refused(quote(name) + " is being written by a save still running; try again when it is done");
        }
    }

    private void regularFile(Path p, String what) throws IOException {
        BasicFileAttributes a = attributes(p);
        if (a == null || !a.isRegularFile()) {
            throw refused(what + " is " + kind(a) + ", not a file A2C Lab wrote");
        }
        plan.add(p);
    }

    private static void writable(Path folder, String what) throws RunRefusedException {
        if (!Files.isWritable(folder)) {
            throw refused(what + " is not writable, so nothing in it can be deleted");
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw refused(RunFiles.unreadable(folder.getFileName().toString(), e).getMessage());
        }
    }

    private static BasicFileAttributes attributes(Path p) throws RunRefusedException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw refused(RunFiles.unreadable(p.getFileName().toString(), e).getMessage());
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a == null) {
            return "gone";
        }
        return a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder"
                : a.isRegularFile() ? "a file" : "a special file (a pipe, socket or device)";
    }

    /** Removes the plan in order; a failure leaves run.json saying what is left, so the run stays listed. */
    private void removeAll(Remover remover) throws IOException {
        for (Path p : plan) {
            try {
                remover.remove(p);
            } catch (IOException e) {
                String reason = "partly deleted: " + part(p) + " could not be removed (" + plain(e) + ")";
                try {
                    RunMeta.damaged(dir, meta, reason);
                } catch (IOException | RuntimeException marking) {
                    e.addSuppressed(marking);
                    throw new IOException(reason + "; what is left could not be marked either", e);
                }
                throw new IOException(reason + "; the rest stays listed as a damaged run", e);
            }
        }
    }

    private String part(Path p) {
        if (p.equals(dir)) {
            return "the folder itself";
        }
        String top = dir.relativize(p).getName(0).toString();
        return Files.isDirectory(dir.resolve(top), LinkOption.NOFOLLOW_LINKS) ? top + "/" : top;
    }

    private static String plain(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "something was added to it meanwhile";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? "the file system refused" : e.getMessage();
    }

    private static String quote(String name) {
        return org.a2clab.export.StrictJson.quote(name);
    }

    private static RunRefusedException refused(String why) {
        return new RunRefusedException(why + "; the folder was left as it is");
    }
}
