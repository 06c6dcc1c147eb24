package org.a2clab.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.train.Hyperparameters;

/** JSON helpers for the CLI's machine-readable output. */
final class Json {
    static final Gson GSON = org.a2clab.experiment.RunJson.GSON;

    private Json() {
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
