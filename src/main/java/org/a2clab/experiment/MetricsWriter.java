package org.a2clab.experiment;

import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.a2clab.export.FiniteJson;
import org.a2clab.io.AtomicFiles;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;

/**
 * Writes the metrics stream as JSON lines to a temporary file next to the target and renames it
 * into place on {@link #commit()}, so an interrupted run never leaves a half-written file. A write
 * that fails (disk full) does not stop training: the first failure is kept and reported by
 * {@link #commit()}, after the run's model is saved.
 */
public final class MetricsWriter implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final BufferedWriter writer;
    private final FiniteJson.NonFinite warnings;
    private boolean committed;
    private IOException failure;

    public MetricsWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        AtomicFiles.checkReplaceable(this.target);
        // a unique temporary name: two runs writing the same target never share it
        this.temp = AtomicFiles.createTempSibling(this.target);
        this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        this.warnings = FiniteJson.logged(this.target.toString());
    }

    public void write(UpdateStats s, List<EpisodeStats> episodes) {
        if (failure != null) {
            return;
        }
        try {
            for (EpisodeStats e : episodes) {
                JsonObject o = new JsonObject();
                o.addProperty("type", "episode");
                o.addProperty("episode", e.index());
                o.addProperty("worker", e.worker());
                o.addProperty("return", e.episodeReturn());
                o.addProperty("length", e.length());
                o.addProperty("terminated", e.terminated());
                o.addProperty("truncated", e.truncated());
                o.addProperty("env_steps", e.envSteps());
                writer.write(FiniteJson.line(o, warnings));
                writer.newLine();
            }
            writer.write(FiniteJson.line(update(s), warnings));
            writer.newLine();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** One greedy evaluation of the best-checkpoint tracker. */
    public void writeEvaluation(BestCheckpoint.Point p) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "eval");
        o.addProperty("env_steps", p.envSteps());
        o.addProperty("greedy_mean_return", p.meanReturn());
        if (failure != null) {
            return;
        }
        try {
            writer.write(FiniteJson.line(o, warnings));
            writer.newLine();
        } catch (IOException e) {
            failure = e;
        }
    }

    public static JsonObject update(UpdateStats s) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "update");
        o.addProperty("update", s.update());
        o.addProperty("env_steps", s.envSteps());
        o.addProperty("episodes", s.episodes());
        o.addProperty("policy_loss", s.policyLoss());
        o.addProperty("value_loss", s.valueLoss());
        o.addProperty("entropy", s.entropy());
        o.addProperty("total_loss", s.totalLoss());
        o.add("explained_variance", RunJson.numberOrAbsent(s.explainedVariance()));
        o.addProperty("grad_norm", s.gradNorm());
        o.addProperty("learning_rate", s.learningRate());
        o.add("prob_right", summary(s.probRight()));
        o.add("value", summary(s.value()));
        o.add("n_step_return", summary(s.nStepReturn()));
        o.add("advantage", summary(s.advantage()));
        s.actorStatistics().forEach((name, m) -> o.add(name, summary(m)));
        o.add("mean_return_last100", RunJson.numberOrAbsent(s.meanReturnLast100()));
        return o;
    }

    private static JsonObject summary(Summary s) {
        JsonObject o = new JsonObject();
        o.addProperty("mean", s.mean());
        o.addProperty("std", s.std());
        o.addProperty("min", s.min());
        o.addProperty("max", s.max());
        return o;
    }

    /**
     * Puts a copy of everything written so far in place, atomically, and goes on writing: a run
     * that dies later still leaves these lines. Costs one copy of the file so far.
     */
    public void publish() throws IOException {
        if (failure != null) {
            throw failure;
        }
        writer.flush();
        AtomicFiles.write(target, file -> Files.copy(temp, file, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Puts the complete file in place, or throws the first write failure (nothing is replaced then). */
    public void commit() throws IOException {
        if (failure != null) {
            throw failure;
        }
        writer.close();
        AtomicFiles.checkReplaceable(target);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}
