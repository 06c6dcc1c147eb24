package org.a2clab.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.io.BoundedRead;
import org.a2clab.train.StopRule;

/**
 * {@code run.json}: what the app adds to a run folder, its given name, its state and the settings
 * it was started with (a stopped run has no result.json to read them from). Its {@code format}
 * key marks the folder as A2C Lab's. {@code colour}: the run's index in the app's palette, kept so
 * a run has the same colour after a restart (null: none given yet).
 */
public record RunMeta(String name, RunState state, String reason, RunSettings settings, Integer colour) {
    static final String FORMAT = "a2c-lab-run";
    private static final Object LOCK = new Object();

    static RunMeta running(RunSettings s) {
        return new RunMeta(null, RunState.RUNNING, null, s, null);
    }

    static RunMeta stopped(RunSettings s) {
        return new RunMeta(null, RunState.STOPPED, null, s, null);
    }

    static RunMeta finished(RunSettings s) {
        return new RunMeta(null, RunState.FINISHED, null, s, null);
    }

    static RunMeta failed(RunSettings s, String reason) {
        return new RunMeta(null, RunState.FAILED, reason, s, null);
    }

    /** Writes this state, keeping a name and colour given meanwhile (a rename may come mid-run). */
    void write(Path dir) throws IOException {
        synchronized (LOCK) {
            RunMeta onDisk = Files.exists(dir.resolve(RunFolder.META)) ? read(dir) : null;
            String keptName = name != null ? name : onDisk == null ? null : onDisk.name();
            Integer keptColour = colour != null ? colour : onDisk == null ? null : onDisk.colour();
            RunJson.write(dir.resolve(RunFolder.META), new RunMeta(keptName, state, reason, settings, keptColour).json());
        }
    }

    /** Keeps the run's palette index; see {@link Workspace#keepColour}. */
    static void colour(Path dir, int index, RunSettings ours) throws IOException {
        synchronized (LOCK) {
            RunMeta onDisk = Files.exists(dir.resolve(RunFolder.META)) ? read(dir) : null;
            if (onDisk == null && ours == null) {
                return;
            }
            if (onDisk == null) {
                Files.createDirectories(dir);
            }
            RunMeta next = onDisk == null ? new RunMeta(null, RunState.STOPPED, null, ours, index)
                    : new RunMeta(onDisk.name(), onDisk.state(), onDisk.reason(), onDisk.settings(), index);
            RunJson.write(dir.resolve(RunFolder.META), next.json());
        }
    }

    /** Gives the run a name (null: back to the automatic one); a sweep's folder gets its first run.json. */
    static void rename(Path dir, String newName) throws IOException {
        synchronized (LOCK) {
            RunMeta onDisk = Files.exists(dir.resolve(RunFolder.META)) ? read(dir) : null;
            RunMeta next = onDisk == null ? new RunMeta(newName, null, null, null, null)
                    : new RunMeta(newName, onDisk.state(), onDisk.reason(), onDisk.settings(), onDisk.colour());
            RunJson.write(dir.resolve(RunFolder.META), next.json());
        }
    }

    private JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        o.addProperty("name", name);
        o.addProperty("state", state == null ? null : state.label());
        o.addProperty("reason", reason);
        if (colour != null) {
            o.addProperty("colour", colour);
        }
        if (settings != null) {
            o.add("hyperparameters", HyperparametersJson.write(settings.hp()));
            o.addProperty("max_steps", settings.rule().maxSteps());
            o.addProperty("target_return", settings.rule().targetReturn());
            o.addProperty("eval_every", settings.evalEvery());
            o.addProperty("eval_episodes", settings.evalEpisodes());
        }
        return o;
    }

    /** Reads run.json; a problem throws IOException or IllegalArgumentException that says what is wrong. */
    static RunMeta read(Path dir) throws IOException {
        String text = new String(BoundedRead.atMost(dir.resolve(RunFolder.META), 1 << 20), StandardCharsets.UTF_8);
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (RuntimeException bad) {
            throw new IllegalArgumentException("run.json is not JSON (" + bad.getMessage() + ")");
        }
        if (!e.isJsonObject() || !FORMAT.equals(string(e.getAsJsonObject(), "format"))) {
            throw new IllegalArgumentException("run.json is not an A2C Lab run file");
        }
        JsonObject o = e.getAsJsonObject();
        String state = string(o, "state");
        RunSettings settings = null;
        if (o.has("hyperparameters") && o.get("hyperparameters").isJsonObject()) {
            settings = new RunSettings(HyperparametersJson.read(o.getAsJsonObject("hyperparameters"), "hyperparameters"),
                    new StopRule(o.get("max_steps").getAsLong(), o.get("target_return").getAsDouble()),
                    o.get("eval_every").getAsLong(), o.get("eval_episodes").getAsInt());
        }
        JsonElement c = o.get("colour");
        Integer colour = c != null && c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber() && c.getAsInt() >= 0
                ? c.getAsInt() : null;
        return new RunMeta(string(o, "name"), state == null ? null : RunState.parse(state), string(o, "reason"), settings,
                colour);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
