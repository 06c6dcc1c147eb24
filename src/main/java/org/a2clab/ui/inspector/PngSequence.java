package org.a2clab.ui.inspector;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.a2clab.io.AtomicDirectory;

/**
 * A numbered PNG sequence ({@code frame-0000.png}, …) built in a hidden sibling of the target
 * directory and renamed into place only when complete, so a failed export never leaves half a
 * sequence and never damages what the target held. A target that holds anything but an earlier
 * sequence is refused rather than replaced: the user may have picked the wrong folder.
 */
final class PngSequence {
    private static final Pattern FRAME_FILE = Pattern.compile("frame-\\d+\\.png");

    private final Path target;
    private final Path staging;

    private PngSequence(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks that {@code dir} may be (re)placed and creates the staging directory beside it. */
    static PngSequence begin(Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        checkReplaceable(target);
        Path parent = target.getParent();
        try {
            return new PngSequence(target, Files.createTempDirectory(parent, "." + target.getFileName() + "-"));
        } catch (IOException e) {
            throw new IOException("cannot write into " + parent + " (" + reason(e) + ")", e);
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
    }

    /** Puts the finished sequence at the target, replacing an empty directory or earlier sequence. */
    void commit() throws IOException {
        // checked again: the target may have changed while the frames were written
        checkReplaceable(target);
        AtomicDirectory.replace(staging, target);
    }

    /** Removes the staging directory and whatever was written into it. */
    void discard() {
        try {
            AtomicDirectory.deleteRecursively(staging);
        } catch (IOException e) {
            // best effort: a leftover hidden staging directory is harmless and the error is already reported
        }
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " is a file, not a directory");
        }
        try (Stream<Path> files = Files.list(target)) {
            Optional<Path> other = files.filter(f -> !FRAME_FILE.matcher(f.getFileName().toString()).matches()
                    || !Files.isRegularFile(f)).findFirst();
            if (other.isPresent()) {
                throw new IOException(target + " already holds other files than frame-*.png (e.g. "
                        + other.get().getFileName() + "); choose an empty or new directory");
            }
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
