package org.a2clab.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.io.AtomicFiles;
import org.a2clab.stats.Bootstrap;
import org.a2clab.train.TrainingResult;

/** The JSON a run writes ({@code result.json}, shared by {@code train}'s stdout and {@code sweep}), and its helpers. */
public final class RunJson {
    public static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().serializeNulls()
            .disableHtmlEscaping().create();

    private RunJson() {
    }

    /** A run's result: {@link #result(TrainingResult)} plus its evaluations. */
    public static JsonObject result(TrainingRun.Outcome outcome) {
        JsonObject o = result(outcome.result());
        if (outcome.best() != null) {
            JsonObject best = new JsonObject();
            best.addProperty("greedy_mean_return", round(outcome.best().meanReturn(), 2));
            best.addProperty("env_steps", outcome.best().envSteps());
            o.add("best", best);
            o.addProperty("evaluations", outcome.evaluations().size());
            o.addProperty("eval_s", round(outcome.evalSeconds(), 3));
            // evaluations run between updates, outside the timed training
            o.addProperty("eval_fraction", round(outcome.evalSeconds()
                    / (outcome.evalSeconds() + outcome.result().trainingSeconds()), 4));
        }
        return o;
    }

    public static JsonObject result(TrainingResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("solved", r.solved());
        o.addProperty("env_steps", r.envSteps());
        o.addProperty("wall_s", round(r.trainingSeconds(), 3));
        o.addProperty("steps_per_s", Math.round(r.stepsPerSecond()));
        o.addProperty("mean_return_last100", round(r.meanReturnLast100(), 2));
        o.addProperty("episodes", r.episodes());
        o.addProperty("updates", r.updates());
        o.addProperty("device", r.device());
        o.addProperty("seed", r.hp().seed());
        o.add("hyperparameters", HyperparametersJson.write(r.hp()));
        return o;
    }

    public static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** A number, or null for +∞ (an unsolved majority) and NaN. */
    public static JsonElement finiteOrNull(double v, int digits) {
        if (!Double.isFinite(v)) {
            return JsonNull.INSTANCE;
        }
        return digits == 0 ? new JsonPrimitive(Math.round(v)) : new JsonPrimitive(round(v, digits));
    }

    public static JsonArray interval(Bootstrap.Interval ci, int digits) {
        JsonArray a = new JsonArray();
        a.add(finiteOrNull(ci.low(), digits));
        a.add(finiteOrNull(ci.high(), digits));
        return a;
    }

    /** Writes {@code json} and a newline atomically. */
    public static void write(Path file, JsonElement json) throws IOException {
        AtomicFiles.write(file, temp -> Files.writeString(temp, GSON.toJson(json) + "\n", StandardCharsets.UTF_8));
    }
}
