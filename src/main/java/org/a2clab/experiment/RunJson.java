package org.a2clab.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.FiniteJson;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.io.AtomicFiles;
import org.a2clab.stats.Bootstrap;
import org.a2clab.train.TrainingResult;

/** The JSON a run writes ({@code result.json}, shared by {@code train}'s stdout and {@code sweep}), and its helpers. */
public final class RunJson {
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

    /**
     * The solve (when the run first met the target: null if never) and the run's totals as
     * separate fields; a run that stops at the target (train, bench, sweep) has them equal.
     */
    public static JsonObject result(TrainingResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("solved", r.solved());
        o.add("solved_at_env_steps", r.solved() ? new JsonPrimitive(r.solvedAtStep()) : JsonNull.INSTANCE);
        o.add("solved_at_wall_s", r.solved() ? finiteOrNull(r.solvedAtSeconds(), 3) : JsonNull.INSTANCE);
        o.addProperty("env_steps", r.envSteps());
        o.addProperty("wall_s", round(r.trainingSeconds(), 3));
        o.addProperty("steps_per_s", Math.round(r.stepsPerSecond()));
        // NaN until the first episode ends: no mean yet
        o.add("mean_return_last100", finiteOrNull(r.meanReturnLast100(), 2));
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

    /**
     * A value that NaN marks as not existing (no finished episode yet, no variance to explain) as
     * null; any other number as it is, so an infinite one is still reported by the writer.
     */
    public static JsonElement numberOrAbsent(double v) {
        return Double.isNaN(v) ? JsonNull.INSTANCE : new JsonPrimitive(v);
    }

    /** [low, high], an infinite end null; null when there is no interval (NaN: a statistic of no values). */
    public static JsonElement interval(Bootstrap.Interval ci, int digits) {
        if (Double.isNaN(ci.low()) && Double.isNaN(ci.high())) {
            return JsonNull.INSTANCE;
        }
        JsonArray a = new JsonArray();
        a.add(finiteOrNull(ci.low(), digits));
        a.add(finiteOrNull(ci.high(), digits));
        return a;
    }

    /** Writes {@code json} and a newline atomically; a non-finite number is written as null and logged. */
    public static void write(Path file, JsonElement json) throws IOException {
        String text = FiniteJson.line(json, FiniteJson.logged(file.toString())) + "\n";
        AtomicFiles.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }
}
