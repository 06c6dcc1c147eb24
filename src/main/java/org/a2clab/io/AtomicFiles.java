package org.a2clab.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely under a temporary name next to it, then renames it into place, so a
 * failed or interrupted write never leaves a half-written file or damages the old one. Only a
 * regular file is ever replaced: a rename over a FIFO, a device or a directory would destroy
 * something A2C Lab did not write.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content of a file, given the path to write it to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        checkReplaceable(absolute);
        Path temp = createTempSibling(absolute);
        try {
            content.writeTo(temp);
            checkReplaceable(absolute);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Fails unless {@code target} does not exist or is a regular file (a symbolic link is not
     * followed: renaming over it would replace the link, not the file it names).
     */
    public static void checkReplaceable(Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(target.toString(), null, kind(target)
                    + ", not a regular file; A2C Lab replaces only regular files");
        }
    }

    /** What a path that exists is, in words, for messages. */
    public static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "it is a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a directory";
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a file";
        }
        return "it is a special file (a pipe, socket or device)";
    }

    /**
     * Creates an empty hidden file next to {@code target} to write into. Created like any other
     * new file, so its permissions follow the user's umask (Files.createTempFile would make it
     * private to the user).
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path temp = Siblings.temp(absolute);
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
