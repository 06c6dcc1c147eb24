package org.a2clab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.a2clab.io.AtomicFiles;
import org.a2clab.io.Siblings;

/**
 * A bundle directory read as one consistent set of files, so what is checked is exactly what is
 * used or packed. Each file is read once: regular files only, links not followed, at most a
 * bound of bytes. A save replaces a bundle by renaming a new directory over it, so the files
 * under one path can belong to two saves; a reading that saw the directory itself change (its
 * file key) is taken again, and only a directory that held still is ever called damaged.
 */
final class BundleSnapshot {
    /**
     * Tries before a bundle that keeps changing is given up on. A reading takes a millisecond or
     * two and so can a save in a tight loop; with a random pause between tries (which breaks
     * step with such a loop) 50 tries are never too few for a healthy bundle, and take well under
     * a second when they are all needed.
     */
    static final int ATTEMPTS = 50;
    private static final int MAX_PAUSE_MS = 10;
    static final List<String> REQUIRED = List.of(ModelBundle.MANIFEST_FILE, ModelBundle.SAFETENSORS_FILE,
            ModelBundle.PARAMS_FILE);

    private BundleSnapshot() {
    }

    /** The directory was replaced during a reading. */
    static final class Changed extends IOException {
        Changed() {
            super("the directory was replaced while it was read");
        }
    }

    /** Fails with {@link Changed} if the directory is no longer the one the reading began with. */
    interface Unchanged {
        void check() throws Changed;
    }

    /** One reading of the directory; it calls {@code unchanged.check()} once it holds all it read. */
    interface Reading<T> {
        T read(Unchanged unchanged) throws BundleException, IOException;
    }

    /**
     * Runs {@code reading} until it sees the directory hold still; a failure while the directory
     * changed is retried too (a file gone mid-rename), a failure of a still directory is real.
     */
    static <T> T consistently(Path dir, String shownAs, Reading<T> reading) throws BundleException, IOException {
        for (int attempt = 1; ; attempt++) {
            Object before = key(dir);
            try {
                return reading.read(() -> {
                    if (before == null || !before.equals(key(dir))) {
                        throw new Changed();
                    }
                });
            } catch (Changed e) {
                if (attempt == ATTEMPTS) {
                    throw new BundleException(shownAs + " was replaced each of the " + ATTEMPTS
                            + " times it was read: another save keeps writing it; try again when it is done", e);
                }
            } catch (BundleException | IOException e) {
                if (attempt == ATTEMPTS || (before != null && before.equals(key(dir)))) {
                    throw e;
                }
            }
            pause(attempt);
        }
    }

    /**
     * For a {@code dir} that is not there: true once it is, if a save is swapping it right now
     * (between its two renames nothing is at the path, and the save's hidden siblings are).
     */
    static boolean appearsAfterSwap(Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || dir.getFileName() == null) {
            return false;
        }
        String name = dir.getFileName().toString();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
                try (Stream<Path> s = Files.list(parent)) {
                    if (s.noneMatch(p -> Siblings.isSiblingOf(name, p.getFileName().toString()))) {
                        return false;
                    }
                }
                pause(attempt);
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        return false;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(Math.min(attempt, MAX_PAUSE_MS) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a save to finish");
        }
    }

    /** What identifies the directory itself (its inode), or null if nothing is there right now. */
    private static Object key(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            // file systems without keys: the creation time tells a swapped-in directory apart
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /** The three files a load checks, by name, each read once. */
    static Map<String, byte[]> required(Path dir, String shownAs) throws BundleException, IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : REQUIRED) {
            Path file = dir.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new BundleException(shownAs + " is not a complete model bundle: " + name + " is missing");
            }
            files.put(name, read(file, shownAs, limit(name)));
        }
        return files;
    }

    private static long limit(String name) {
        // one byte over a file's cap is enough for its reader to refuse it as too large
        return name.equals(ModelBundle.MANIFEST_FILE) ? BundleReader.MAX_MANIFEST_BYTES : SafeTensors.MAX_FILE_BYTES;
    }

    /** At most {@code limit + 1} bytes of a regular file, never following a link. */
    static byte[] read(Path file, String shownAs, long limit) throws BundleException, IOException {
        checkRegular(file, shownAs);
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(Math.toIntExact(limit + 1));
        } catch (NoSuchFileException e) {
            throw disappeared(file, shownAs, e);
        }
    }

    /**
     * Fails unless {@code file} is a regular file: opening a FIFO would block, a device never
     * ends, a link may lead anywhere. Messages say what it is instead.
     */
    static void checkRegular(Path file, String shownAs) throws BundleException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw disappeared(file, shownAs, null);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException(shownAs + ": " + file.getFileName() + " is " + AtomicFiles.what(file)
                    + ", not a regular file");
        }
    }

    static BundleException disappeared(Path file, String shownAs, IOException cause) {
        return new BundleException(shownAs + ": " + file.getFileName() + " disappeared while it was read", cause);
    }
}
