package org.a2clab.export;

import com.google.gson.FormattingStyle;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one JSON writer of A2C Lab: every file and every line of output goes through it. RFC 8259
 * has no NaN or Infinity (Gson's {@code serializeSpecialFloatingPointValues} writes the bare words,
 * which strict readers such as JavaScript's {@code JSON.parse} or our own bundle reader refuse), so a non-finite number is written as {@code null} and its field is reported. Values
 * that are absent by design (the mean return before the first episode) are put in as null by
 * their producer and are not reported.
 */
public final class FiniteJson {
    private static final System.Logger LOG = System.getLogger("org.a2clab");

    private FiniteJson() {
    }

    /** Told of each number written as null: its field ({@code training.wall_s}, {@code probs[1]}) and value. */
    @FunctionalInterface
    public interface NonFinite {
        void writtenAsNull(String field, double value);
    }

    /** One line of compact JSON (no trailing newline). */
    public static String line(JsonElement json, NonFinite report) {
        return write(json, FormattingStyle.COMPACT, report);
    }

    /** Indented JSON, as manifests are written (no trailing newline). */
    public static String pretty(JsonElement json, NonFinite report) {
        return write(json, FormattingStyle.PRETTY, report);
    }

    /**
     * Sends "WHERE: FIELD is NaN, which JSON cannot hold; written as null" to {@code warn}, once
     * per field: a metrics stream of thousands of lines warns once, not thousands of times.
     */
    public static NonFinite warnings(String where, Consumer<String> warn) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        return (field, value) -> {
            if (reported.add(field)) {
                warn.accept(where + ": " + field + " is " + value + ", which JSON cannot hold; written as null");
            }
        };
    }

    /** {@link #warnings} to the log ({@code System.Logger} "org.a2clab"), for files the app and the engine write. */
    public static NonFinite logged(String file) {
        return warnings(file, message -> LOG.log(System.Logger.Level.WARNING, message));
    }

    private static String write(JsonElement json, FormattingStyle style, NonFinite report) {
        StringWriter text = new StringWriter();
        JsonWriter writer = new JsonWriter(text);
        writer.setFormattingStyle(style);
        writer.setHtmlSafe(false);
        writer.setSerializeNulls(true);
        try {
            write(writer, json, "", report);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonWriter w, JsonElement e, String field, NonFinite report) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e.isJsonPrimitive()) {
            primitive(w, e.getAsJsonPrimitive(), field, report);
        } else if (e.isJsonArray()) {
            w.beginArray();
            int i = 0;
            for (JsonElement item : e.getAsJsonArray()) {
                write(w, item, field + "[" + i++ + "]", report);
            }
            w.endArray();
        } else {
            w.beginObject();
            for (Map.Entry<String, JsonElement> member : e.getAsJsonObject().entrySet()) {
                w.name(member.getKey());
                write(w, member.getValue(), field.isEmpty() ? member.getKey() : field + "." + member.getKey(), report);
            }
            w.endObject();
        }
    }

    private static void primitive(JsonWriter w, JsonPrimitive p, String field, NonFinite report) throws IOException {
        if (p.isBoolean()) {
            w.value(p.getAsBoolean());
        } else if (p.isString()) {
            w.value(p.getAsString());
        } else {
            Number n = p.getAsNumber();
            if (finite(n)) {
                w.value(n);
            } else {
                report.writtenAsNull(field, n.doubleValue());
                w.nullValue();
            }
        }
    }

    /** Doubles and floats by value; other numbers (integers, parsed text) by their text, as JsonWriter checks them. */
    private static boolean finite(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return Double.isFinite(n.doubleValue());
        }
        String text = n.toString();
        return !text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity");
    }
}
