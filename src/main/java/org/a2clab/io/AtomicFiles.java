package org.a2clab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely under a temporary name next to it, then renames it into place, so a
 * failed or interrupted write never leaves a half-written file or damages the old one.
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
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
