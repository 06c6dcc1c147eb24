package org.a2clab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file up to a limit counted in bytes actually read: the size a file system reports can
 * be wrong (files under /proc report 0) or change while reading, so it is never trusted.
 */
public final class BoundedRead {
    private BoundedRead() {
    }

    /**
     * The first {@code limit + 1} bytes of {@code file} at most: a result longer than
     * {@code limit} means the file is too large, without reading the rest of it.
     */
    public static byte[] atMost(Path file, long limit) throws IOException {
        if (limit < 0 || limit >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) limit + 1);
        }
    }
}
