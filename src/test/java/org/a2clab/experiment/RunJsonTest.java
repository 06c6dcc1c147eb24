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
}
