package org.a2clab.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.export.StrictJson;
import org.a2clab.train.Hyperparameters;

/**
 * Typed fields of a run file's JSON; a missing or mistyped one throws a {@link RunFileException}
 * naming the file and the key ({@code what}: "result.json", "metrics.jsonl line 7").
 */
final class RunFields {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private RunFields() {
    }

    static long whole(JsonObject o, String key, String what) throws RunFileException {
        BigInteger v = StrictJson.integer(present(o, key, what));
        if (v == null) {
            throw new RunFileException(what + ": " + key + " is not a whole number");
        }
        if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
            throw new RunFileException(what + ": " + key + " is out of range");
        }
        return v.longValue();
    }

    /** A number that must be there; null (a non-finite value) reads as NaN. */
    static double number(JsonObject o, String key, String what) throws RunFileException {
        return numberOr(present(o, key, what), key, what);
    }

    /** A number that may be left out; absent and null read as NaN. */
    static double optionalNumber(JsonObject o, String key, String what) throws RunFileException {
        JsonElement e = o.get(key);
        return e == null ? Double.NaN : numberOr(e, key, what);
    }

    static boolean bool(JsonObject o, String key, String what) throws RunFileException {
        JsonElement e = present(o, key, what);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new RunFileException(what + ": " + key + " is not true or false");
        }
        return e.getAsBoolean();
    }

    /** Text that may be left out or null. */
    static String text(JsonObject o, String key, String what) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new RunFileException(what + ": " + key + " is not text");
        }
        return e.getAsString();
    }

    /** An object that may be left out (null then). */
    static JsonObject object(JsonObject o, String key, String what) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw new RunFileException(what + ": " + key + " is not a JSON object");
        }
        return e.getAsJsonObject();
    }

    /** The {@code hyperparameters} object of a run file, validated as a bundle's are. */
    static Hyperparameters hyperparameters(JsonObject h, String what) throws RunFileException {
        String prefix = what + " hyperparameters";
        try {
            return HyperparametersJson.read(h, prefix);
        } catch (NumberFormatException e) {
            throw new RunFileException(prefix + " hold a number out of range");
        } catch (IllegalArgumentException e) {
            // the reader's own messages name the field ('result.json hyperparameters.lr' is missing)
            String m = String.valueOf(e.getMessage());
            throw new RunFileException(m.startsWith("'" + prefix) ? m : prefix + ": " + m);
        }
    }

    private static JsonElement present(JsonObject o, String key, String what) throws RunFileException {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new RunFileException(what + " lacks " + key);
        }
        return e;
    }

    private static double numberOr(JsonElement e, String key, String what) throws RunFileException {
        if (e.isJsonNull()) {
            return Double.NaN;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new RunFileException(what + ": " + key + " is not a number");
        }
        return e.getAsDouble();
    }
}
