package org.a2clab.ui.inspector;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.a2clab.io.AtomicDirectory;
import org.a2clab.io.FileAccess;

/**
 * A numbered PNG sequence ({@code frame-0000.png}, …) written into the folder the user chose. That
 * folder is never replaced, so it keeps its permissions, owner and every file that is not ours: the
 * frames are built in a hidden staging folder inside it and moved in one by one only when all are
 * written (a failed export leaves the folder as it was), and an earlier sequence there is replaced
 * frame by frame, each frame keeping the earlier one's mode, owner and group. A folder that holds anything but an earlier sequence gets the frames in a new
 * subfolder ({@code frames}, {@code frames-2}, …) rather than mixed in with the user's files.
 */
final class PngSequence {
    private static final Pattern FRAME_FILE = Pattern.compile("frame-(\\d+)\\.png");
    static final String SUBFOLDER = "frames";

    private final Path target;
    private final Path staging;
    /** The subfolder this export created, removed again if the export fails; null when writing into the chosen folder. */
    private final Path created;
    private int count;

    private PngSequence(Path target, Path staging, Path created) {
        this.target = target;
        this.staging = staging;
        this.created = created;
    }

    /** Picks the folder the frames go to (creating it only if new) and creates the staging folder in it. */
    static PngSequence begin(Path dir) throws IOException {
        Path chosen = dir.toAbsolutePath().normalize();
        Path created = null;
        if (!Files.exists(chosen, LinkOption.NOFOLLOW_LINKS)) {
            created = createDirectory(chosen);
        } else if (!Files.isDirectory(chosen)) {
            throw new IOException(chosen + " is a file, not a directory");
        } else if (holdsOtherFiles(chosen)) {
            created = newSubfolder(chosen);
        }
        Path target = created != null ? created : chosen;
        try {
            return new PngSequence(target, Files.createTempDirectory(target, ".frames-"), created);
        } catch (IOException e) {
            if (created != null) {
                Files.deleteIfExists(created);
            }
            throw new IOException("cannot write into " + target + " (" + reason(e) + ")", e);
        }
    }

    /** The absolute directory the sequence ends up in. */
    Path target() {
        return target;
    }

    static String fileName(int index) {
        return String.format("frame-%04d.png", index);
    }

    /** Any thread: encodes the frame and writes it. */
    void write(int index, Supplier<byte[]> png) throws IOException {
        Path file = staging.resolve(fileName(index));
        try {
            Files.write(file, png.get());
        } catch (UncheckedIOException e) {
            throw new IOException("cannot encode " + file.getFileName() + " (" + reason(e.getCause()) + ")", e);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " (" + reason(e) + ")", e);
        }
        synchronized (this) {
            count = Math.max(count, index + 1);
        }
    }

    /**
     * Moves the finished frames into the target, each replacing the earlier frame of its number,
     * then removes the earlier sequence's frames beyond this one's end and the staging folder.
     */
    void commit() throws IOException {
        int frames;
        synchronized (this) {
            frames = count;
        }
        for (int t = 0; t < frames; t++) {
            Path frame = target.resolve(fileName(t));
            // a frame replacing an earlier one keeps its access, as every file A2C Lab replaces
            FileAccess.keep(frame, staging.resolve(fileName(t)));
            Files.move(staging.resolve(fileName(t)), frame, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(staging);
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = FRAME_FILE.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(1)) >= frames && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Removes the staging folder and whatever was written into it (and the subfolder this export made). */
    void discard() {
        try {
            AtomicDirectory.deleteRecursively(staging);
            if (created != null) {
                Files.deleteIfExists(created);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden staging directory is harmless and the error is already reported
        }
    }

    private static Path createDirectory(Path dir) throws IOException {
        try {
            return Files.createDirectory(dir);
        } catch (IOException e) {
            throw new IOException("cannot write into " + dir.getParent() + " (" + reason(e) + ")", e);
        }
    }

    /** The first free {@code frames}, {@code frames-2}, … in {@code dir}, created (so reserved) here. */
    private static Path newSubfolder(Path dir) throws IOException {
        for (int n = 1; ; n++) {
            Path sub = dir.resolve(n == 1 ? SUBFOLDER : SUBFOLDER + "-" + n);
            if (!Files.exists(sub, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return Files.createDirectory(sub);
                } catch (FileAlreadyExistsException raced) {
                    // taken meanwhile: try the next name
                } catch (IOException e) {
                    throw new IOException("cannot write into " + dir + " (" + reason(e) + ")", e);
                }
            }
        }
    }

    /** True unless {@code dir} is empty or holds only an earlier sequence's frames. */
    private static boolean holdsOtherFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> !FRAME_FILE.matcher(f.getFileName().toString()).matches()
                    || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** The JDK's messages lead with the path, already named by ours; keep what went wrong. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
