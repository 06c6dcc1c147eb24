package org.a2clab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.a2clab.train.Hyperparameters;

/** JSON helpers for the CLI's machine-readable output. */
final class Json {
    static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private Json() {
    }

    static JsonObject hyperparameters(Hyperparameters hp) {
        JsonObject o = new JsonObject();
        o.addProperty("n_steps", hp.nSteps());
        o.addProperty("envs", hp.numEnvs());
        o.addProperty("lr", hp.learningRate());
        o.addProperty("entropy", hp.entropyCoef());
        o.addProperty("gamma", hp.gamma());
        o.addProperty("value_coef", hp.valueCoef());
        o.addProperty("max_grad_norm", hp.maxGradNorm());
        o.addProperty("hidden", hp.hiddenSize());
        o.addProperty("optimizer", hp.optimizer().name().toLowerCase());
        o.addProperty("seed", hp.seed());
        o.addProperty("device_choice", hp.device().name().toLowerCase());
        return o;
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
