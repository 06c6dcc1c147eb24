package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path tmp;

    private static UpdateStats update(long i) {
        Summary s = new Summary(0.5, 0.1, 0.25, 0.75);
        return new UpdateStats(i, 128 * i, i / 2, -0.5, 2.0, 0.69, 0.3, 0.1, 1.25, 0.002, s, s, s, s,
                i == 1 ? Double.NaN : 20.5, 1000, 0.01 * i);
    }

    @Test
    void writesOneRowPerUpdateAndPerEpisode() throws Exception {
        MetricsLog log = new MetricsLog();
        log.record(update(1), List.of());
        log.record(update(2), List.of(new EpisodeStats(1, 3, 17, 17, true, false, 200),
                new EpisodeStats(2, 0, 500, 500, false, true, 250)));
        log.record(update(3), List.of(new EpisodeStats(3, 1, 12, 12, true, false, 300)));
        MetricsCsv.write(tmp, log);

        List<String> updates = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals(1 + 3, updates.size());
        assertEquals(String.join(",", MetricsCsv.UPDATE_COLUMNS), updates.get(0));
        assertEquals(29, MetricsCsv.UPDATE_COLUMNS.size());
        for (String row : updates.subList(1, 4)) {
            assertEquals(MetricsCsv.UPDATE_COLUMNS.size(), row.split(",", -1).length, row);
        }
        String[] second = updates.get(2).split(",");
        assertEquals("2", second[0]);
        assertEquals("256", second[1]);
        assertEquals("-0.5", second[MetricsCsv.UPDATE_COLUMNS.indexOf("policy_loss")]);
        assertEquals("0.75", second[MetricsCsv.UPDATE_COLUMNS.indexOf("advantage_max")]);
        assertEquals("20.5", second[MetricsCsv.UPDATE_COLUMNS.indexOf("mean_return_last100")]);
        assertEquals("NaN", updates.get(1).split(",")[MetricsCsv.UPDATE_COLUMNS.indexOf("mean_return_last100")]);

        List<String> episodes = Files.readAllLines(tmp.resolve("episodes.csv"));
        assertEquals(List.of("episode,worker,return,length,terminated,truncated,env_steps",
                "1,3,17.0,17,true,false,200", "2,0,500.0,500,false,true,250", "3,1,12.0,12,true,false,300"),
                episodes);
    }

    @Test
    void aMillionStepRunsCsvKeepsEveryUpdateAndEpisode() throws Exception {
        // 1M env steps at the default batch of 16 × 5 = 80 samples
        int updates = 12_500;
        MetricsLog log = new MetricsLog();
        for (long i = 1; i <= updates; i++) {
            log.record(update(i), List.of(new EpisodeStats(i, 0, 20, 20, true, false, 128 * i)));
        }
        MetricsCsv.write(tmp, log);

        List<String> rows = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals(1 + updates, rows.size());
        for (int i = 1; i <= updates; i++) {
            assertEquals(String.valueOf(i), rows.get(i).substring(0, rows.get(i).indexOf(',')), "row " + i);
        }
        assertEquals(1 + updates, Files.readAllLines(tmp.resolve("episodes.csv")).size());
    }

    @Test
    void emptyLogGivesHeadersOnlyAndReplacesOldFiles() throws Exception {
        Files.writeString(tmp.resolve("metrics.csv"), "old");
        MetricsCsv.write(tmp, new MetricsLog());
        assertEquals(List.of(String.join(",", MetricsCsv.UPDATE_COLUMNS)), Files.readAllLines(tmp.resolve("metrics.csv")));
        assertEquals(1, Files.readAllLines(tmp.resolve("episodes.csv")).size());
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temp files left");
        }
    }

    /** A Gaussian run's rows end with its distribution's μ(s) and σ(s) summaries, mean, std, min, max each. */
    @Test
    void aGaussianRunsRowsEndWithMuAndSigmaColumns() throws Exception {
        Summary s = new Summary(0.5, 0.1, 0.25, 0.75);
        UpdateStats g = new UpdateStats(3, 384, 1, -0.5, 2.0, 1.2, 0.3, 0.1, 1.25, 0.002, s, s, s, s, 20.5, 1000, 0.03,
                new Summary(0.125, 0.25, -1, 1), new Summary(0.5, 0.0625, 0.375, 0.875));
        MetricsCsv.writeUpdates(tmp.resolve("metrics.csv"), List.of(g));
        List<String> lines = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals(String.join(",", MetricsCsv.UPDATE_COLUMNS)
                + ",action_mean_mean,action_mean_std,action_mean_min,action_mean_max"
                + ",action_std_mean,action_std_std,action_std_min,action_std_max", lines.get(0));
        assertEquals("3,384,1,-0.5,2.0,1.2,0.3,0.1,1.25,0.002,0.5,0.1,0.25,0.75,0.5,0.1,0.25,0.75,0.5,0.1,0"
                + ".25,0.75,0.5,0.1,0.25,0.75,20.5,1000.0,0.03,0.125,0.25,-1.0,1.0,0.5,0.0625,0.375,0.875", lines.get(1));
        assertEquals(List.of(g), MetricsCsv.read(tmp, 10).updates());
    }
}
