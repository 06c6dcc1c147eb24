package org.a2clab.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/** Run folders written by hand in the layout the engine writes, for store and view-model tests. */
public final class RunFolders {
    private RunFolders() {
    }

    /** A finished run: result.json as the engine writes it and a metrics.jsonl of {@code updates} updates. */
    public static Path finished(Path dir, Hyperparameters hp, boolean solved, long steps, double finalMean,
            double wallSeconds, int updates) throws IOException {
        return finished(dir, hp, solved, steps, finalMean, wallSeconds, updates, 1);
    }

    /**
     * As {@link #finished}, the updates before {@code firstMean} (1-based) without a mean-100, null as
     * the engine writes it before a run's first episodes finish.
     */
    public static Path finished(Path dir, Hyperparameters hp, boolean solved, long steps, double finalMean,
            double wallSeconds, int updates, int firstMean) throws IOException {
        Files.createDirectories(dir);
        TrainingResult r = new TrainingResult(solved, steps, updates, 10, wallSeconds, finalMean, "cpu", hp);
        RunJson.write(dir.resolve(RunFolder.RESULT), RunJson.result(r));
        StringBuilder lines = new StringBuilder();
        for (int u = 1; u <= updates; u++) {
            JsonObject o = new JsonObject();
            o.addProperty("type", "update");
            o.addProperty("update", u);
            o.addProperty("env_steps", steps * u / updates);
            o.add("mean_return_last100", RunJson.numberOrAbsent(u < firstMean ? Double.NaN : finalMean * u / updates));
            o.addProperty("entropy", 0.69 - 0.3 * u / updates);
            o.addProperty("explained_variance", 0.5);
            o.addProperty("value_loss", 1.0 / u);
            o.addProperty("learning_rate", hp.learningRate());
            o.addProperty("grad_norm", 0.5);
            lines.append(o).append('\n');
        }
        Files.writeString(dir.resolve(RunFolder.METRICS), lines.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    /** A finished run the app trained: as {@link #finished}, with the run.json the app writes. */
    public static Path appRun(Path dir, Hyperparameters hp) throws IOException {
        finished(dir, hp, true, 100_000, 480, 10, 5);
        RunMeta.finished(new RunSettings(hp, new org.a2clab.train.StopRule(Long.MAX_VALUE, 475), 0, 1)).write(dir);
        return dir;
    }

    /** A run the app trained when it was killed: run.json says running, and no process holds the run. */
    public static Path cutOff(Path dir, Hyperparameters hp) throws IOException {
        finished(dir, hp, false, 9000, 80, 1, 5);
        Files.delete(dir.resolve(RunFolder.RESULT));
        RunMeta.running(new RunSettings(hp, new org.a2clab.train.StopRule(Long.MAX_VALUE, 475), 0, 1)).write(dir);
        return dir;
    }
}
