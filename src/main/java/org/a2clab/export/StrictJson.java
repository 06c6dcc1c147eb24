package org.a2clab.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON by RFC 8259 only, for files that come from outside: Gson's default parser is
 * lenient (unquoted names, single quotes, comments) and keeps the last of duplicate keys, which
 * would accept files that PyTorch's safetensors or any other reader refuses. Nesting is capped so
 * a hostile file cannot exhaust the stack, numbers keep their exact text (so {@code 128.0} is
 * not an integer), and every error is one short sentence with a line and column. The run store
 * reads its run files with it too ({@link #parseObject}).
 */
public final class StrictJson {
    /** Our files nest three levels deep; anything far deeper is not one of them. */
    static final int MAX_DEPTH = 32;
    /** Longest piece of a file quoted in a message. */
    private static final int MAX_QUOTE = 40;
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    /** A file that is not valid JSON, or JSON nested deeper than {@link #MAX_DEPTH}. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private StrictJson() {
    }

    /** A number with a fraction or exponent, kept as written (BigDecimal would print 1e0 as 1). */
    private static final class Decimal extends Number {
        private final String text;
        private final BigDecimal value;

        Decimal(String text) {
            this.text = text;
            this.value = new BigDecimal(text);
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public float floatValue() {
            return value.floatValue();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The single JSON object in {@code text}; {@code what} names the file in the message, e.g.
     * "result.json is not valid JSON at line 1, column 9".
     */
    public static JsonObject parseObject(String text, String what) throws Invalid {
        JsonElement e;
        try {
            e = parse(text);
        } catch (Invalid bad) {
            throw new Invalid(what + " " + bad.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new Invalid(what + " is not a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** The single JSON value in {@code text}. */
    static JsonElement parse(String text) throws Invalid {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            JsonElement value = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Invalid("has text after the JSON value " + at(reader));
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new Invalid(translate(e, reader));
        }
    }

    private static JsonElement read(JsonReader reader, int depth) throws IOException, Invalid {
        JsonToken token = reader.peek();
        if ((token == JsonToken.BEGIN_ARRAY || token == JsonToken.BEGIN_OBJECT) && depth >= MAX_DEPTH) {
            throw new Invalid("nests arrays or objects more than " + MAX_DEPTH + " deep " + at(reader));
        }
        switch (token) {
            case BEGIN_ARRAY:
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                return array;
            case BEGIN_OBJECT:
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new Invalid("has the key " + quote(name) + " twice " + at(reader));
                    }
                    object.add(name, read(reader, depth + 1));
                }
                reader.endObject();
                return object;
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                // integers written as integers become BigInteger, everything else BigDecimal, so
                // 128.0 and 1.28e2 stay distinguishable from 128
                String number = reader.nextString();
                return new JsonPrimitive(INTEGER.matcher(number).matches() ? new BigInteger(number) : new Decimal(number));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new Invalid("is not valid JSON " + at(reader));
        }
    }

    /** Gson's messages advise on its API and link its site: users get the position only. */
    private static String translate(Exception e, JsonReader reader) {
        String message = String.valueOf(e.getMessage());
        String reason = message.startsWith("End of input") || message.contains("End of input")
                ? " (the text ends too early)" : "";
        if (e instanceof NumberFormatException) {
            reason = " (a number is out of range)";
        }
        Matcher m = POSITION.matcher(message);
        // for syntax it would accept when lenient, Gson reports the column after the bad character
        int past = message.startsWith("Use JsonReader.setStrictness") ? 1 : 0;
        String where = m.find() ? "at line " + m.group(1) + ", column " + Math.max(1, Integer.parseInt(m.group(2)) - past)
                : at(reader);
        return "is not valid JSON " + where + reason;
    }

    /** "at line L, column C" of the reader's position. */
    private static String at(JsonReader reader) {
        Matcher m = POSITION.matcher(reader.toString());
        return m.find() ? "at line " + m.group(1) + ", column " + m.group(2) : "";
    }

    /** The value of {@code e} if it is a number written as an integer (no fraction, no exponent), else null. */
    public static BigInteger integer(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() && e.getAsNumber() instanceof BigInteger) {
            return (BigInteger) e.getAsNumber();
        }
        return null;
    }

    /** {@code s} in quotes, cut short: hostile files may hold megabytes in one value. */
    public static String quote(String s) {
        return "'" + shorten(s) + "'";
    }

    /** A JSON value as text for a message, cut short. */
    static String quote(JsonElement e) {
        return shorten(e.toString());
    }

    /** {@code s} cut short for a message, without quotes. */
    static String shorten(String s) {
        return s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "… (" + s.length() + " characters)";
    }
}
