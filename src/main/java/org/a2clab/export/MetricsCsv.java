package org.a2clab.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.io.AtomicFiles;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;

/**
 * The training curves as CSV for spreadsheets and pandas: {@code metrics.csv} with one row per
 * update, {@code episodes.csv} with one row per finished episode. Numbers print as Java's
 * shortest round-trip form; a statistic that is undefined (e.g. no episode yet) prints as NaN.
 */
public final class MetricsCsv {
    public static final String UPDATES_FILE = "metrics.csv";
    public static final String EPISODES_FILE = "episodes.csv";

    public static final List<String> UPDATE_COLUMNS = List.of("update", "env_steps", "episodes",
            "policy_loss", "value_loss", "entropy", "total_loss", "explained_variance", "grad_norm",
            "learning_rate",
            "prob_right_mean", "prob_right_std", "prob_right_min", "prob_right_max",
            "value_mean", "value_std", "value_min", "value_max",
            "n_step_return_mean", "n_step_return_std", "n_step_return_min", "n_step_return_max",
            "advantage_mean", "advantage_std", "advantage_min", "advantage_max",
            "mean_return_last100", "steps_per_second", "training_seconds");

    public static final List<String> EPISODE_COLUMNS = List.of("episode", "worker", "return",
            "length", "terminated", "truncated", "env_steps");

    private MetricsCsv() {
    }

    /** Writes both files into {@code dir}. */
    public static void write(Path dir, MetricsLog log) throws IOException {
        writeUpdates(dir.resolve(UPDATES_FILE), log.updates());
        writeEpisodes(dir.resolve(EPISODES_FILE), log.episodes());
    }

    public static void writeUpdates(Path file, List<UpdateStats> rows) throws IOException {
        writeAtomically(file, UPDATE_COLUMNS, w -> {
            for (UpdateStats s : rows) {
                StringBuilder b = new StringBuilder();
                b.append(s.update()).append(',').append(s.envSteps()).append(',').append(s.episodes());
                for (double v : new double[] {s.policyLoss(), s.valueLoss(), s.entropy(), s.totalLoss(),
                        s.explainedVariance(), s.gradNorm(), s.learningRate()}) {
                    b.append(',').append(v);
                }
                for (Summary m : new Summary[] {s.probRight(), s.value(), s.nStepReturn(), s.advantage()}) {
                    b.append(',').append(m.mean()).append(',').append(m.std())
                            .append(',').append(m.min()).append(',').append(m.max());
                }
                b.append(',').append(s.meanReturnLast100()).append(',').append(s.stepsPerSecond())
                        .append(',').append(s.trainingSeconds());
                w.write(b.toString());
                w.newLine();
            }
        });
    }

    public static void writeEpisodes(Path file, List<EpisodeStats> rows) throws IOException {
        writeAtomically(file, EPISODE_COLUMNS, w -> {
            for (EpisodeStats e : rows) {
                w.write(e.index() + "," + e.worker() + "," + e.episodeReturn() + "," + e.length() + ","
                        + e.terminated() + "," + e.truncated() + "," + e.envSteps());
                w.newLine();
            }
        });
    }

    private interface Rows {
        void write(BufferedWriter w) throws IOException;
    }

    /** Temp file in the same directory, then an atomic rename: readers never see half a file. */
    private static void writeAtomically(Path file, List<String> columns, Rows rows) throws IOException {
        AtomicFiles.write(file, temp -> {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(String.join(",", columns));
                w.newLine();
                rows.write(w);
            }
        });
    }
}
