package org.a2clab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the hidden siblings an atomic write uses: {@code .NAME.tmp-PID-RANDOM} while it is
 * written and {@code .NAME.old-PID-RANDOM} for the previous version during the swap. The process
 * id tells a leftover of a killed process from the work of a save still running.
 */
final class Siblings {
    static final String TEMP = "tmp";
    static final String OLD = "old";

    private Siblings() {
    }

    static Path temp(Path target) {
        return named(target, TEMP);
    }

    static Path old(Path target) {
        return named(target, OLD);
    }

    private static Path named(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid()
                + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    }

    /**
     * Siblings of {@code target} of one kind whose process is gone, oldest first. Also the names
     * earlier versions used ({@code .NAME.tmpDIGITS}, {@code .NAME.old-DIGITS}), which carry no
     * process id and are left over whenever they exist.
     */
    static List<Path> leftovers(Path target, String kind) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String name = Pattern.quote("." + target.getFileName() + "." + kind);
        Pattern current = Pattern.compile(name + "-(\\d{1,18})-[0-9a-f]+");
        Pattern legacy = Pattern.compile(name + (kind.equals(OLD) ? "-" : "") + "-?\\d+");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String file = p.getFileName().toString();
                Matcher m = current.matcher(file);
                if (m.matches() ? !alive(Long.parseLong(m.group(1))) : legacy.matcher(file).matches()) {
                    out.add(p);
                }
            }
        }
        out.sort((a, b) -> Long.compare(modified(a), modified(b)));
        return out;
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
