package org.a2clab.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Puts a fully written directory in place by renames: the old one is moved aside, the new one
 * (given the old one's access first) renamed in, and the old one deleted only then, so a failed
 * export never damages what was there.
 * A process killed between the two renames leaves the old one under a hidden name that
 * {@link #leftoverOldVersions} finds, so the next save or load can put it back.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {
    }

    /**
     * Creates an empty hidden directory next to {@code target} to write into, with the
     * permissions of any new directory (the user's umask; Files.createTempDirectory would make it
     * private to the user, and the rename would keep that).
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(Siblings.temp(absolute));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames {@code completed} to {@code target}. An existing target is moved aside first and
     * deleted once the new one is in; the new one takes its mode, and its owner and group where
     * the system allows ({@link FileAccess}), so the folder the user sees keeps its access.
     */
    public static void replace(Path completed, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            FileAccess.keep(target, completed);
            old = Siblings.old(target);
            try {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // another process moved it aside first: nothing of ours to keep
                old = null;
            }
        }
        try {
            Files.move(completed, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            // another save put its directory there between our two renames: it stays, ours is
            // dropped, and the version both replaced goes (as if the other save had come last)
            deleteQuietly(old);
            throw new IOException("another save wrote " + target + " at the same time; that one was kept and "
                    + "this one was not put in place", e);
        } catch (IOException e) {
            if (old != null) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restoreFailure) {
                    e.addSuppressed(restoreFailure);
                    throw new IOException("could not put the new " + target.getFileName() + " in place ("
                            + e.getMessage() + "), and the previous version is still at " + old, e);
                }
            }
            throw e;
        }
        deleteQuietly(old);
    }

    /** Previous versions of {@code target} left by a process killed mid-swap, oldest first. */
    public static List<Path> leftoverOldVersions(Path target) throws IOException {
        return Siblings.leftovers(target, Siblings.Kind.OLD);
    }

    /** Temporary directories of saves to {@code target} whose process is gone, oldest first. */
    public static List<Path> leftoverTempDirectories(Path target) throws IOException {
        return Siblings.leftovers(target, Siblings.Kind.TEMP);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            // the new directory is in place: a leftover hidden copy is no failure, and the next
            // save or load removes it
        }
    }

    /** Deletes {@code dir} and what it holds; symbolic links are deleted, never followed. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
