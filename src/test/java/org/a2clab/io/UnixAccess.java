package org.a2clab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Reads and sets what a user gives a folder or file to share it: its mode bits and its group. */
public final class UnixAccess {
    /** A user and a group the test process is not; only root may hand a file to them. */
    private static final int OTHER_USER = 4243;
    private static final int OTHER_GROUP = 4242;

    private UnixAccess() {
    }

    public static boolean supported(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /** The permission, set-ID and sticky bits. */
    public static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    public static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Gives {@code p} another owner and group where this process may (as root), then
     * {@code mode}: a folder shared as a user would share it, unlike anything a save makes by default.
     */
    public static Path share(Path p, int mode) throws IOException {
        try {
            Files.setAttribute(p, "unix:uid", OTHER_USER, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", OTHER_GROUP, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException notRoot) {
            // owner and group stay the user's own; the mode still tells a kept folder from a new one
        }
        Files.setAttribute(p, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        return p;
    }

    /** "02750 uid 4243 gid 4242": mode, owner and group in one string, so one assertion shows all. */
    public static String describe(Path p) throws IOException {
        return String.format("0%o uid %d gid %d", mode(p),
                (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), gid(p));
    }
}
