package org.a2clab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** {@code --seeds N | --seed-list a,b,c} and {@code --parallel P}, shared by bench and sweep. */
final class SeedOptions {
    static final Set<String> NAMES = Set.of("--seeds", "--seed-list", "--parallel");
    static final String HELP = ""
            + "  --seeds N           N seeds: --seed, --seed+1, ... (default 5)\n"
            + "  --seed-list A,B,C   these seeds instead\n"
            + "  --parallel P        runs at once, each on its own thread with libtorch on one\n"
            + "                      thread (default: the number of cores)\n";

    private SeedOptions() {
    }

    static long[] seeds(Options o, long firstSeed) {
        if (o.has("--seeds") && o.has("--seed-list")) {
            throw new UsageException("give --seeds or --seed-list, not both");
        }
        if (o.has("--seed-list")) {
            Set<Long> seeds = new LinkedHashSet<>();
            for (String part : Options.items("--seed-list", o.string("--seed-list", ""))) {
                try {
                    if (!seeds.add(Long.parseLong(part))) {
                        throw new UsageException("--seed-list: seed " + part + " appears twice");
                    }
                } catch (NumberFormatException e) {
                    throw new UsageException("--seed-list: '" + part + "' is not an integer");
                }
            }
            return seeds.stream().mapToLong(Long::longValue).toArray();
        }
        int n = o.intValue("--seeds", 5);
        if (n < 1 || n > 1000) {
            throw new UsageException("--seeds must be in [1, 1000], got " + n);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Math.addExact(firstSeed, i);
            } catch (ArithmeticException e) {
                // a wrapped seed would repeat a negative one as if it were new
                throw new UsageException("--seeds " + n + " from --seed " + firstSeed + " would go past the largest seed, "
                        + Long.MAX_VALUE + "; give a smaller --seed or a --seed-list");
            }
        }
        return out;
    }

    static int parallel(Options o) {
        int cores = Runtime.getRuntime().availableProcessors();
        int p = o.intValue("--parallel", cores);
        if (p < 1 || p > 64) {
            throw new UsageException("--parallel must be in [1, 64], got " + p);
        }
        return p;
    }

    /** The CPU's model name (e.g. "AMD EPYC"): a seed's path depends on it (libtorch's kernels). */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
