package org.a2clab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a replacement the access its original had before the rename that puts it in place: a
 * rename brings a new file or folder, which would otherwise come with the defaults (the umask,
 * the process's owner and group), so a user's 0750 folder or group-writable file would widen or
 * lose its sharing on every save.
 */
public final class FileAccess {
    /** A folder keeps setgid (its new files' group) and the sticky bit with its rwx bits. */
    private static final int FOLDER_BITS = 03777;
    /** A file keeps only its rwx bits: a save never makes something set-user- or set-group-ID. */
    private static final int FILE_BITS = 0777;

    private FileAccess() {
    }

    /**
     * Copies the owner and group of {@code original} to {@code replacement} where this process
     * may (only root may give a file away; a group needs membership), then its mode, which always
     * holds: a save that cannot keep a folder private fails rather than widen it. Nothing when
     * {@code original} does not exist, or on a file system without Unix modes (Windows: the new
     * one inherits its folder's ACL, as the original did). Links are not followed.
     */
    public static void keep(Path original, Path replacement) throws IOException {
        if (!original.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return;
        }
        Map<String, Object> was;
        try {
            was = Files.readAttributes(original, "unix:mode,uid,gid,isDirectory", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return; // gone meanwhile: nothing to keep
        }
        Map<String, Object> is = Files.readAttributes(replacement, "unix:uid,gid", LinkOption.NOFOLLOW_LINKS);
        // owner and group first: a change of owner may clear mode bits
        setIfAllowed(replacement, "unix:uid", was.get("uid"), is.get("uid"));
        setIfAllowed(replacement, "unix:gid", was.get("gid"), is.get("gid"));
        int bits = (Boolean) was.get("isDirectory") ? FOLDER_BITS : FILE_BITS;
        int mode = (Integer) was.get("mode") & bits;
        int current = (Integer) Files.getAttribute(replacement, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        if (mode != current) {
            Files.setAttribute(replacement, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void setIfAllowed(Path p, String attribute, Object wanted, Object current) {
        if (wanted.equals(current)) {
            return;
        }
        try {
            Files.setAttribute(p, attribute, wanted, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // not permitted (EPERM): the replacement stays ours, as any file this process makes
        }
    }
}
