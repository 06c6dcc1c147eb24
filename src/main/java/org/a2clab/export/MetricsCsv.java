package org.a2clab.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a2clab.io.AtomicDirectory;
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

    /** The columns of one {@link Summary}, each after its statistic's name and an underscore. */
    private static final List<String> SUMMARY_PARTS = List.of("mean", "std", "min", "max");

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
        // after the common columns, those of the statistics the run's distribution adds (μ(s), σ(s))
        List<String> columns = new ArrayList<>(UPDATE_COLUMNS);
        for (String name : rows.isEmpty() ? Set.<String>of() : rows.get(0).actorStatistics().keySet()) {
            for (String part : SUMMARY_PARTS) {
                columns.add(name + "_" + part);
            }
        }
        writeAtomically(file, columns, w -> {
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
                for (Summary m : s.actorStatistics().values()) {
                    b.append(',').append(m.mean()).append(',').append(m.std())
                            .append(',').append(m.min()).append(',').append(m.max());
                }
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

    /**
     * As {@link #read} for a bundle folder or a .zip of one; null when it has no {@code metrics.csv}
     * (saved without metrics).
     */
    public static MetricsLog readBundle(Path path, int maxRows) throws IOException {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(UPDATES_FILE)) ? read(path, maxRows) : null;
        }
        Path temp = Files.createTempDirectory("a2c-lab-metrics");
        try {
            BundleZip.unpack(path, temp);
            return Files.isRegularFile(temp.resolve(UPDATES_FILE)) ? read(temp, maxRows) : null;
        } catch (BundleException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            AtomicDirectory.deleteRecursively(temp);
        }
    }

    /**
     * Reads a bundle's {@code metrics.csv} and {@code episodes.csv} back, each thinned evenly to at
     * most {@code maxRows} rows (first and last kept), so a long run's curves load in bounded memory.
     * Columns are found by name. Throws with the file, line and column when a row is not a number.
     */
    public static MetricsLog read(Path dir, int maxRows) throws IOException {
        List<UpdateStats> updates = thin(readRows(dir.resolve(UPDATES_FILE), UPDATE_COLUMNS, MetricsCsv::update), maxRows);
        List<EpisodeStats> episodes = Files.isRegularFile(dir.resolve(EPISODES_FILE))
                ? thin(readRows(dir.resolve(EPISODES_FILE), EPISODE_COLUMNS, MetricsCsv::episode), maxRows)
                : List.of();
        return MetricsLog.of(updates, episodes);
    }

    private interface RowParser<T> {
        T parse(Row row) throws IOException;
    }

    /** One CSV line, its cells looked up by column name. */
    private record Row(String file, int line, Map<String, Integer> index, String[] cells) {
        double number(String column) throws IOException {
            String cell = cells[index.get(column)].trim();
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + line + ", column " + column + ": \"" + cell
                        + "\" is not a number");
            }
        }

        boolean has(String column) {
            return index.containsKey(column);
        }

        long integer(String column) throws IOException {
            return (long) number(column);
        }

        boolean flag(String column) {
            return Boolean.parseBoolean(cells[index.get(column)].trim());
        }

        Summary summary(String prefix) throws IOException {
            return new Summary(number(prefix + "_mean"), number(prefix + "_std"), number(prefix + "_min"),
                    number(prefix + "_max"));
        }
    }

    private static UpdateStats update(Row r) throws IOException {
        return new UpdateStats(r.integer("update"), r.integer("env_steps"), r.integer("episodes"),
                r.number("policy_loss"), r.number("value_loss"), r.number("entropy"), r.number("total_loss"),
                r.number("explained_variance"), r.number("grad_norm"), r.number("learning_rate"),
                r.summary("prob_right"), r.summary("value"), r.summary("n_step_return"), r.summary("advantage"),
                r.number("mean_return_last100"), r.number("steps_per_second"), r.number("training_seconds"),
                r.has("action_mean_mean") ? r.summary("action_mean") : null,
                r.has("action_std_mean") ? r.summary("action_std") : null);
    }

    private static EpisodeStats episode(Row r) throws IOException {
        return new EpisodeStats(r.integer("episode"), (int) r.integer("worker"), r.number("return"),
                (int) r.integer("length"), r.flag("terminated"), r.flag("truncated"), r.integer("env_steps"));
    }

    private static <T> List<T> readRows(Path file, List<String> columns, RowParser<T> parser) throws IOException {
        String name = file.getFileName().toString();
        List<T> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(name + " is empty");
            }
            Map<String, Integer> index = new HashMap<>();
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                index.put(names[i].trim(), i);
            }
            for (String c : columns) {
                if (!index.containsKey(c)) {
                    throw new IOException(name + " has no column " + c);
                }
            }
            int line = 1;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != names.length) {
                    throw new IOException(name + " line " + line + " has " + cells.length + " cells, the header "
                            + names.length);
                }
                rows.add(parser.parse(new Row(name, line, index, cells)));
            }
        }
        return rows;
    }

    /** Every k-th row so at most {@code max} remain, always with the last. */
    static <T> List<T> thin(List<T> rows, int max) {
        if (rows.size() <= max) {
            return rows;
        }
        int stride = (rows.size() + max - 2) / (max - 1);
        List<T> kept = new ArrayList<>(max);
        for (int i = 0; i < rows.size() - 1; i += stride) {
            kept.add(rows.get(i));
        }
        kept.add(rows.get(rows.size() - 1));
        return kept;
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
