package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.a2clab.export.Rfc8259;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.Summary;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json and metrics.jsonl parse as RFC 8259; a non-finite number is null, and said in the log. */
class RunJsonTest {
    @TempDir
    Path tmp;

    /** What the app's log (java.util.logging "org.a2clab") received. */
    private final List<String> log = new ArrayList<>();
    private final Logger logger = Logger.getLogger("org.a2clab");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            log.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    /**
     * A run stopped before its first episode ended has no mean return: result.json says null
     * (it said NaN, which strict readers refuse), and the runs store still reads it as NaN.
     */
    @Test
    void aResultWithoutAMeanReturnIsNullAndReadBackAsNaN() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        RunJson.write(dir.resolve(RunFolder.RESULT), RunJson.result(
                new TrainingResult(false, 10, 2, 0, 0.5, Double.NaN, "CPU", Hyperparameters.DEFAULTS)));
        JsonObject result = Rfc8259.parse(Files.readString(dir.resolve(RunFolder.RESULT))).getAsJsonObject();
        assertTrue(result.get("mean_return_last100").isJsonNull());
        assertEquals(List.of(), log, "no mean yet is not a defect: no warning");

        RunRecord read = RunReader.read("run", dir);
        assertNotEquals(RunState.DAMAGED, read.state(), read.problem());
        assertTrue(Double.isNaN(read.result().finalMeanReturn()));
    }

    @Test
    void anUnexpectedNonFiniteNumberIsNullAndLogged() throws Exception {
        Path file = tmp.resolve(RunFolder.RESULT);
        RunJson.write(file, RunJson.result(new TrainingResult(false, 10, 2, 0, Double.POSITIVE_INFINITY, 9.5, "CPU",
                Hyperparameters.DEFAULTS)));
        assertTrue(Rfc8259.parse(Files.readString(file)).getAsJsonObject().get("wall_s").isJsonNull());
        assertEquals(List.of(file + ": wall_s is Infinity, which JSON cannot hold; written as null"), log);
    }

    @Test
    void metricsLinesParseAndEachNonFiniteFieldIsLoggedOnce() throws Exception {
        Path target = tmp.resolve("m.jsonl");
        Summary s = new Summary(0.5, 0.1, 0.4, 0.6);
        try (MetricsWriter w = new MetricsWriter(target)) {
            for (int u = 1; u <= 3; u++) {
                // no episode yet (mean NaN), returns without variance (explained variance NaN),
                // and a gradient norm that overflowed
                w.write(new UpdateStats(u, 5L * u, 0, 0.1, 0.2, 0.69, 0.3, Double.NaN, Double.POSITIVE_INFINITY,
                        0.001, s, s, s, s, Double.NaN, 100, 1), List.of());
            }
            w.write(new UpdateStats(4, 20, 1, 0.1, 0.2, 0.69, 0.3, 0.5, 1, 0.001, s, s, s, s, 12, 100, 1),
                    List.of(new EpisodeStats(0, 0, Double.NaN, 12, true, false, 20)));
            w.commit();
        }
        List<String> lines = Files.readAllLines(target);
        assertEquals(5, lines.size());
        for (String line : lines) {
            Rfc8259.parse(line);
        }
        JsonObject first = Rfc8259.parse(lines.get(0)).getAsJsonObject();
        assertTrue(first.get("mean_return_last100").isJsonNull());
        assertTrue(first.get("explained_variance").isJsonNull());
        assertTrue(first.get("grad_norm").isJsonNull());
        assertEquals(List.of(target.toAbsolutePath() + ": grad_norm is Infinity, which JSON cannot hold; written as null",
                target.toAbsolutePath() + ": return is NaN, which JSON cannot hold; written as null"), log);
    }

    /** A Gaussian update's line: its distribution's μ(s) and σ(s) summaries after the advantage's. */
    @Test
    void aGaussianUpdateLineAddsItsMuAndSigmaSummaries() {
        Summary s = new Summary(0.5, 0.1, 0.25, 0.75);
        UpdateStats g = new UpdateStats(3, 384, 1, -0.5, 2.0, 1.2, 0.3, 0.1, 1.25, 0.002, s, s, s, s, 20.5, 1000, 0.03,
                new Summary(0.125, 0.25, -1, 1), new Summary(0.5, 0.0625, 0.375, 0.875));
        assertEquals("{\"type\":\"update\",\"update\":3,\"env_steps\":384,\"episodes\":1,\"policy_loss\":-0.5,\""
                + "value_loss\":2.0,\"entropy\":1.2,\"total_loss\":0.3,\"explained_variance\":0.1,\"grad_norm"
                + "\":1.25,\"learning_rate\":0.002,\"prob_right\":{\"mean\":0.5,\"std\":0.1,\"min\":0.25,\"ma"
                + "x\":0.75},\"value\":{\"mean\":0.5,\"std\":0.1,\"min\":0.25,\"max\":0.75},\"n_step_return\""
                + ":{\"mean\":0.5,\"std\":0.1,\"min\":0.25,\"max\":0.75},\"advantage\":{\"mean\":0.5,\"std\":"
                + "0.1,\"min\":0.25,\"max\":0.75},\"action_mean\":{\"mean\":0.125,\"std\":0.25,\"min\":-1.0,\""
                + "max\":1.0},\"action_std\":{\"mean\":0.5,\"std\":0.0625,\"min\":0.375,\"max\":0.875},\"mean"
                + "_return_last100\":20.5}",
                MetricsWriter.update(g).toString());
        UpdateStats c = new UpdateStats(3, 384, 1, -0.5, 2.0, 1.2, 0.3, 0.1, 1.25, 0.002, s, s, s, s, 20.5, 1000, 0.03);
        assertEquals(List.of("type", "update", "env_steps", "episodes", "policy_loss", "value_loss", "entropy",
                "total_loss", "explained_variance", "grad_norm", "learning_rate", "prob_right", "value",
                "n_step_return", "advantage", "mean_return_last100"), new ArrayList<>(MetricsWriter.update(c).keySet()));
    }
}
