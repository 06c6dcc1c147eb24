package org.a2clab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely under a temporary name next to it, then renames it into place, so a
 * failed or interrupted write never leaves a half-written file or damages the old one. Only a
 * regular file is ever replaced: a rename over a FIFO, a device or a directory would destroy
 * something A2C Lab did not write. A file that is replaced keeps its mode, and its owner and
 * group where the system allows ({@link FileAccess}); a new one gets the user's umask. Temporary
 * files that a killed write of the same target left are removed by the next write.
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
            FileAccess.keep(absolute, temp);
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

    /** What a path that exists is, in words, for messages: "it is a directory". */
    public static String kind(Path path) {
        return "it is " + what(path);
    }

    /**
     * What a path that exists is, as a noun for messages: "a directory", "a symbolic link",
     * "a special file (a named pipe, FIFO)"; links are not followed.
     */
    public static String what(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a file";
        }
        return "a special file (" + specialKind(path) + ")";
    }

    /** The file type bits of st_mode where the platform offers them (Linux, macOS). */
    private static String specialKind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a pipe, socket or device";
        }
        switch (mode & 0170000) {
            case 0010000:
                return "a named pipe, FIFO";
            case 0140000:
                return "a socket";
            case 0020000:
                return "a character device";
            case 0060000:
                return "a block device";
            default:
                return "a pipe, socket or device";
        }
    }

    /**
     * Creates an empty hidden file next to {@code target} to write into. Created like any other
     * new file, so its permissions follow the user's umask (Files.createTempFile would make it
     * private to the user).
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        removeLeftovers(absolute);
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

    /**
     * Deletes the temporary files that writes to {@code target} left when their process was
     * killed (kill -9 runs no finally block): regular files of exactly that name form whose
     * process is gone. Nothing else is touched, and a failure only leaves them for next time.
     */
    private static void removeLeftovers(Path target) {
        try {
            for (Path p : Siblings.leftovers(target, Siblings.Kind.TEMP)) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the write itself does not need them gone
        }
    }
}
