package org.a2clab.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} and {@code --flag} options; unknown options are usage errors. */
final class Options {
    /**
     * The longest part of a user's value that a message repeats: room for a deep folder's path,
     * while a 100,000-character value is cut.
     */
    static final int MAX_ECHO = 120;

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
     * The comma-separated items of an option's value, trimmed. An empty item ("1,,2", "1,2,", ",")
     * is refused: {@code split(",")} would drop the trailing ones and run with fewer values than
     * the user typed.
     */
    static List<String> items(String name, String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new UsageException(name + ": an empty item in '" + csv + "'; separate the values by single commas");
            }
            out.add(item);
        }
        return out;
    }

    /**
     * {@code message} with every long argument, and every long comma- or '='-separated piece of
     * one, cut to its first {@link #MAX_ECHO} characters and its length: whatever layer wrote the
     * message, a 100,000-character value is never printed whole.
     */
    static String shortenEchoes(String message, String[] args) {
        List<String> pieces = new ArrayList<>();
        for (String arg : args) {
            for (String piece : arg.split("[,=]", -1)) {
                pieces.add(piece);
                pieces.add(piece.trim());
            }
            pieces.add(arg);
            pieces.add(arg.trim());
        }
        // longest first, so a piece is not cut inside a longer value that holds it
        pieces.sort(Comparator.comparingInt(String::length).reversed());
        String out = message;
        for (String piece : pieces) {
            if (piece.length() > MAX_ECHO) {
                out = out.replace(piece, shorten(piece));
            }
        }
        return out;
    }

    /** The first {@link #MAX_ECHO} characters of {@code value} and its length, when it is longer. */
    static String shorten(String value) {
        return value.length() <= MAX_ECHO ? value
                : value.substring(0, MAX_ECHO) + "… (" + value.length() + " characters)";
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
                throw new UsageException(name + ": '" + items(name, csv).get(i) + "' is too large for a float32 "
                        + "observation (at most " + Float.MAX_VALUE + ")");
            }
        }
        return out;
    }

    /** Parses "a,b,c" into doubles, naming the option on error. */
    static double[] doubles(String name, String csv, int expected) {
        List<String> parts = items(name, csv);
        if (expected > 0 && parts.size() != expected) {
            throw new UsageException(name + " needs " + expected + " comma-separated numbers, got '" + csv + "'");
        }
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(parts.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException(name + ": '" + parts.get(i) + "' is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw new UsageException(name + ": values must be finite, got '" + parts.get(i) + "'");
            }
        }
        return out;
    }
}
