package org.a2clab.ui.inspector;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

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

    /** Any thread. */
    void write(int index, BufferedImage image) throws IOException {
        Path file = staging.resolve(fileName(index));
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG encoder available");
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " (" + reason(e) + ")", e);
        }
    }

    /** Puts the finished sequence at the target, replacing an empty directory or earlier sequence. */
    void commit() throws IOException {
        // checked again: the target may have changed while the frames were written
        checkReplaceable(target);
        if (!Files.exists(target) || isEmptyDirectory(target)) {
            // rename(2) replaces an empty directory in one step
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // An earlier sequence: a directory with files cannot be renamed over, so it is moved
        // aside first and only deleted once the new one is in place.
        Path old = staging.resolveSibling(staging.getFileName() + "-old");
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteQuietly(old);
    }

    /** Removes the staging directory and whatever was written into it. */
    void discard() {
        deleteQuietly(staging);
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

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
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

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path f : deepestFirst) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden staging directory is harmless and the error is already reported
        }
    }
}
