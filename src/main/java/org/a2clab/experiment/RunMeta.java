package org.a2clab.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.export.StrictJson;
import org.a2clab.train.StopRule;

/**
 * {@code run.json}: what the app adds to a run folder, its given name, its state and the settings
 * it was started with (a stopped run has no result.json to read them from). Its {@code format}
 * key marks the folder as A2C Lab's. {@code colour}: the run's index in the app's palette, kept so
 * a run has the same colour after a restart (null: none given yet).
 */
public record RunMeta(String name, RunState state, String reason, RunSettings settings, Integer colour) {
    static final String FORMAT = "a2c-lab-run";
    static final int VERSION = 1;
    /** What the listing says of a run.json without the format marker; such a folder is never deleted. */
    static final String NOT_OURS = "run.json is not an A2C Lab run file";
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
        update(dir, onDisk -> new RunMeta(name != null ? name : onDisk == null ? null : onDisk.name(), state, reason,
                settings, colour != null ? colour : onDisk == null ? null : onDisk.colour()));
    }

    /** Keeps the run's palette index; see {@link Workspace#keepColour}. */
    static void colour(Path dir, int index, RunSettings ours) throws IOException {
        synchronized (LOCK) {
            if (ours != null && !RunFiles.exists(dir.resolve(RunFolder.META))) {
                Files.createDirectories(dir);
            }
            update(dir, onDisk -> onDisk == null ? ours == null ? null : new RunMeta(null, RunState.STOPPED, null, ours, index)
                    : new RunMeta(onDisk.name(), onDisk.state(), onDisk.reason(), onDisk.settings(), index));
        }
    }

    /** Gives the run a name (null: back to the automatic one); a sweep's folder gets its first run.json. */
    static void rename(Path dir, String newName) throws IOException {
        update(dir, onDisk -> onDisk == null ? new RunMeta(newName, null, null, null, null)
                : new RunMeta(newName, onDisk.state(), onDisk.reason(), onDisk.settings(), onDisk.colour()));
    }

    /**
     * Marks the run damaged with {@code reason} (a delete that failed half way), keeping its name,
     * settings and colour: those on disk, else those of {@code before} (read before the delete
     * began; null: a sweep's folder without run.json).
     */
    static void damaged(Path dir, RunMeta before, String reason) throws IOException {
        update(dir, onDisk -> {
            RunMeta kept = onDisk != null ? onDisk : before;
            return kept == null ? new RunMeta(null, RunState.DAMAGED, reason, null, null)
                    : new RunMeta(kept.name(), RunState.DAMAGED, reason, kept.settings(), kept.colour());
        });
    }

    /**
     * The one read-change-write of run.json, under one lock, so a state written by the training
     * thread, a rename and a colour never undo each other. {@code change} gets what is on disk (null:
     * no run.json) and returns what to write (null: write nothing).
     */
    private static void update(Path dir, java.util.function.UnaryOperator<RunMeta> change) throws IOException {
        synchronized (LOCK) {
            RunMeta next = change.apply(RunFiles.exists(dir.resolve(RunFolder.META)) ? read(dir) : null);
            if (next != null) {
                RunJson.write(dir.resolve(RunFolder.META), next.json());
            }
        }
    }

    private JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", VERSION);
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

    /**
     * Reads run.json as hostile input; anything but an A2C Lab run file of a version this app
     * knows throws a {@link RunFileException} that says what is wrong.
     */
    static RunMeta read(Path dir) throws RunFileException {
        String what = RunFolder.META;
        JsonObject o = RunFiles.json(dir.resolve(RunFolder.META), what);
        JsonElement format = o.get("format");
        if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new RunFileException(NOT_OURS);
        }
        if (o.has("version") && RunFields.whole(o, "version", what) > VERSION) {
            throw new RunFileException(what + " is from a newer A2C Lab (version " + RunFields.whole(o, "version", what)
                    + " of the run file)");
        }
        String state = RunFields.text(o, "state", what);
        RunState parsed = null;
        if (state != null) {
            try {
                parsed = RunState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new RunFileException(what + ": unknown state " + StrictJson.quote(state));
            }
        }
        RunSettings settings = null;
        JsonObject h = RunFields.object(o, "hyperparameters", what);
        if (h != null) {
            try {
                settings = new RunSettings(RunFields.hyperparameters(h, what),
                        new StopRule(RunFields.whole(o, "max_steps", what), RunFields.number(o, "target_return", what)),
                        RunFields.whole(o, "eval_every", what), Math.toIntExact(RunFields.whole(o, "eval_episodes", what)));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new RunFileException(what + ": " + (e instanceof ArithmeticException ? "eval_episodes is out of range"
                        : e.getMessage()));
            }
        }
        JsonElement c = o.get("colour");
        Integer colour = c != null && c.isJsonPrimitive() && StrictJson.integer(c) != null
                && StrictJson.integer(c).bitLength() < 31 && c.getAsInt() >= 0 ? c.getAsInt() : null;
        return new RunMeta(RunFields.text(o, "name", what), parsed, RunFields.text(o, "reason", what), settings, colour);
    }
}
