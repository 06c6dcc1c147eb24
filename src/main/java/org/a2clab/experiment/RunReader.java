package org.a2clab.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.io.BoundedRead;
import org.a2clab.train.Hyperparameters;

/**
 * Reads one run folder. Anything wrong (a cut-off file, JSON that is not ours, a folder a run
 * left before it finished) makes a damaged record whose problem says what and where; reading
 * never throws.
 */
final class RunReader {
    /** A metrics file larger than this is not read (a run of 10⁸ steps writes about 200 MB). */
    private static final long MAX_METRICS_BYTES = 1L << 30;

    private RunReader() {
    }

    static RunRecord read(String id, Path dir) {
        try {
            return readOrThrow(id, dir);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return RunRecord.damaged(id, dir, why);
        }
    }

    private static RunRecord readOrThrow(String id, Path dir) throws IOException {
        RunMeta meta = Files.exists(dir.resolve(RunFolder.META)) ? RunMeta.read(dir) : null;
        Hyperparameters hp = meta != null && meta.settings() != null ? meta.settings().hp() : null;
        RunResult result = null;
        if (Files.exists(dir.resolve(RunFolder.RESULT))) {
            JsonObject r = object(dir.resolve(RunFolder.RESULT), "result.json");
            hp = HyperparametersJson.read(r.getAsJsonObject("hyperparameters"), "result.json hyperparameters");
            result = result(r);
        }
        RunState state = meta != null && meta.state() != null ? meta.state()
                : result != null ? RunState.FINISHED : null;
        if (state == null) {
            return RunRecord.damaged(id, dir, "no result.json: the run was cut off before it finished");
        }
        if (state == RunState.FINISHED && result == null) {
            return RunRecord.damaged(id, dir, "run.json says finished but result.json is missing");
        }
        if (hp == null) {
            return RunRecord.damaged(id, dir, "neither result.json nor run.json names the settings");
        }
        RunCurves curves = new RunCurves();
        if (Files.exists(dir.resolve(RunFolder.METRICS))) {
            readMetrics(dir.resolve(RunFolder.METRICS), curves);
        }
        return new RunRecord(id, dir, meta == null ? null : meta.name(), state,
                meta == null ? null : meta.reason(), hp, meta == null ? null : meta.settings(), result, curves);
    }

    private static JsonObject object(Path file, String what) throws IOException {
        byte[] bytes = BoundedRead.atMost(file, 1 << 20);
        if (bytes.length > 1 << 20) {
            throw new IOException(what + " is larger than 1 MB");
        }
        try {
            JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException(what + " is not complete JSON (" + e.getMessage() + ")");
        }
    }

    private static RunResult result(JsonObject r) {
        try {
            double best = r.has("best") ? r.getAsJsonObject("best").get("greedy_mean_return").getAsDouble() : Double.NaN;
            return new RunResult(r.get("solved").getAsBoolean(), r.get("env_steps").getAsLong(),
                    number(r, "mean_return_last100"), r.get("wall_s").getAsDouble(), best);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("result.json lacks solved, env_steps, mean_return_last100 or wall_s");
        }
    }

    /** Gson writes NaN as the bare word NaN, which its lenient parser reads back. */
    private static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static void readMetrics(Path file, RunCurves curves) throws IOException {
        if (Files.size(file) > MAX_METRICS_BYTES) {
            throw new IOException("metrics.jsonl is larger than 1 GB");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonObject o;
                try {
                    o = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("metrics.jsonl line " + n + " is not a JSON object");
                }
                String type = o.has("type") ? o.get("type").getAsString() : "";
                if (type.equals("update")) {
                    long steps = o.get("env_steps").getAsLong();
                    for (Metric m : Metric.values()) {
                        curves.add(steps, m, number(o, m.jsonKey()));
                    }
                } else if (type.equals("eval")) {
                    curves.evaluations().add(o.get("env_steps").getAsLong(), number(o, "greedy_mean_return"));
                }
            }
        }
    }
}
