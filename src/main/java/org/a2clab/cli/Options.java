package org.a2clab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} and {@code --flag} options; unknown options are usage errors. */
final class Options {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Set<String> flags;

    Options(String[] args, int from, Set<String> valued, Set<String> flags) {
        this.flags = flags;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (flags.contains(a)) {
                values.computeIfAbsent(a, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(a + " needs a value");
                }
                values.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new UsageException("unknown option " + a);
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String required(String name) {
        String v = string(name, null);
        if (v == null) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    long longValue(String name, long fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + v + "'");
        }
    }

    int intValue(String name, int fallback) {
        long v = longValue(name, fallback);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new UsageException(name + " is out of range: " + v);
        }
        return (int) v;
    }

    double doubleValue(String name, double fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number, got '" + v + "'");
        }
    }

    boolean flag(String name) {
        return flags.contains(name) && values.containsKey(name);
    }

    /**
     * Parses "a,b,c" into floats, as the network sees them: a value finite as a double but not as
     * a float (1e308 becomes Infinity) is refused too.
     */
    static float[] floats(String name, String csv, int expected) {
        double[] d = doubles(name, csv, expected);
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
            if (!Float.isFinite(out[i])) {
                throw new UsageException(name + ": '" + csv.split(",")[i].trim() + "' is too large for a float32 "
                        + "observation (at most " + Float.MAX_VALUE + ")");
            }
        }
        return out;
    }

    /** Parses "a,b,c" into doubles, naming the option on error. */
    static double[] doubles(String name, String csv, int expected) {
        String[] parts = csv.split(",");
        if (expected > 0 && parts.length != expected) {
            throw new UsageException(name + " needs " + expected + " comma-separated numbers, got '" + csv + "'");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException(name + ": '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new UsageException(name + ": values must be finite, got '" + parts[i] + "'");
            }
        }
        return out;
    }
}
