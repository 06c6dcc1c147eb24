package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import org.a2clab.export.FiniteJson;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.train.Hyperparameters;

/** JSON helpers for the CLI's machine-readable output, written by {@link FiniteJson}. */
final class Json {
    private Json() {
    }

    /** One command's warnings about numbers printed as null, on {@code err}, each field once. */
    static FiniteJson.NonFinite warnings(PrintStream err) {
        return FiniteJson.warnings("a2c-lab: warning", err::println);
    }

    /** {@code json} as one line; a non-finite number is printed as null with a warning on {@code err}. */
    static String line(JsonElement json, PrintStream err) {
        return FiniteJson.line(json, warnings(err));
    }

    static JsonObject hyperparameters(Hyperparameters hp) {
        return HyperparametersJson.write(hp);
    }

    static JsonArray floats(float[] xs) {
        JsonArray a = new JsonArray();
        for (float x : xs) {
            a.add(x);
        }
        return a;
    }

    static JsonArray doubles(double[] xs) {
        JsonArray a = new JsonArray();
        for (double x : xs) {
            a.add(x);
        }
        return a;
    }
}
