package org.a2clab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the hidden siblings an atomic write uses: {@code .NAME.tmp-PID-HEX} while it is
 * written and {@code .NAME.old-PID-HEX} for the previous version during a directory swap. The
 * process id tells a leftover of a killed process from the work of a save still running. This
 * class is the only place that writes or reads that form: {@link #temp}/{@link #old} encode it,
 * {@link #isSiblingOf}/{@link #isLeftoverOf}/{@link #leftovers} decode it, so a user's file that
 * merely starts like one (".k.tmp7", ".model.tmp_backup") is never taken for ours.
 *
 * <p>A NAME too long for the sibling to fit the usual 255-byte file-name limit is shortened the
 * same way on both sides: its first bytes, "~" and 16 hex digits of its SHA-256.
 */
public final class Siblings {
    /** The two kinds of hidden sibling. */
    public enum Kind {
        /** Being written. */
        TEMP("tmp"),
        /** The previous version, moved aside while the new one is renamed in. */
        OLD("old");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    /** The file-name limit of ext4, XFS, APFS, NTFS (in UTF-16 units there, fewer than bytes). */
    static final int MAX_NAME_BYTES = 255;
    private static final int MAX_PID_DIGITS = 19;
    private static final int MAX_HEX_DIGITS = 16;
    /** "." NAME "." kind "-" PID "-" HEX: what the name may take so the whole fits the limit. */
    static final int MAX_STEM_BYTES = MAX_NAME_BYTES - (1 + 1 + 3 + 1 + MAX_PID_DIGITS + 1 + MAX_HEX_DIGITS);
    private static final int HASH_HEX_DIGITS = 16;
    private static final Pattern TAIL = Pattern.compile("\\.(tmp|old)-(\\d{1," + MAX_PID_DIGITS + "})-[0-9a-f]{1,"
            + MAX_HEX_DIGITS + "}");

    private Siblings() {
    }

    static Path temp(Path target) {
        return named(target, Kind.TEMP);
    }

    static Path old(Path target) {
        return named(target, Kind.OLD);
    }

    private static Path named(Path target, Kind kind) {
        return target.resolveSibling("." + stem(target.getFileName().toString()) + "." + kind.tag + "-"
                + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    }

    /**
     * True if {@code candidateName} is exactly a hidden sibling A2C Lab makes for a file or
     * directory named {@code targetName} (either kind, whether its process runs or not).
     */
    public static boolean isSiblingOf(String targetName, String candidateName) {
        return kindOf(targetName, candidateName) != null;
    }

    /**
     * True if {@code candidateName} is exactly a hidden sibling of {@code targetName} whose process
     * is gone: a leftover of a write that was killed. A caller deleting a leftover directory must
     * still check that it holds only files it writes there.
     */
    public static boolean isLeftoverOf(String targetName, String candidateName) {
        Decoded d = kindOf(targetName, candidateName);
        return d != null && !alive(d.pid);
    }

    /** Siblings of {@code target} of one kind whose process is gone, oldest first. */
    public static List<Path> leftovers(Path target, Kind kind) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String targetName = target.getFileName().toString();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Decoded d = kindOf(targetName, p.getFileName().toString());
                if (d != null && d.kind == kind && !alive(d.pid)) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> Long.compare(modified(a), modified(b)));
        return out;
    }

    private record Decoded(Kind kind, long pid) {
    }

    private static Decoded kindOf(String targetName, String candidateName) {
        String prefix = "." + stem(targetName);
        if (!candidateName.startsWith(prefix)) {
            return null;
        }
        Matcher m = TAIL.matcher(candidateName.substring(prefix.length()));
        if (!m.matches()) {
            return null;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return null; // more digits than a process id has
        }
        return new Decoded(m.group(1).equals(Kind.TEMP.tag) ? Kind.TEMP : Kind.OLD, pid);
    }

    /** {@code name}, or for a name too long to leave room for the sibling's suffix, a short stand-in. */
    static String stem(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_STEM_BYTES) {
            return name;
        }
        int keep = MAX_STEM_BYTES - 1 - HASH_HEX_DIGITS;
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > keep) {
                break;
            }
            prefix.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return prefix + "~" + sha256Hex(utf8).substring(0, HASH_HEX_DIGITS);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
