package org.a2clab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeCsvTest {
    @Test
    void writesHeaderAndOneRowPerFrameReplacingTheOldFile(@TempDir Path dir) throws Exception {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.SAMPLED, 4, List.of(
                new EpisodeStep(new double[] {1, 2, 3, 4}, new float[] {1, 2, 3, 4}, 0.5f, 0.5f, 2f,
                        0, 1f, true, false, true)), 0, 8, 0.99);
        Path file = dir.resolve("episode.csv");
        Files.writeString(file, "old");
        EpisodeCsv.write(e, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), "a header and one row: no comment line for CSV readers to trip on");
        assertEquals(EpisodeCsv.HEADER, lines.get(0));
        String[] cells = lines.get(1).split(",");
        assertEquals(EpisodeCsv.HEADER.split(",").length, cells.length);
        assertEquals("sampled", cells[0]);
        assertEquals("4", cells[1]);
        assertEquals("8", cells[2]);
        assertEquals("0.99", cells[3]);
        assertEquals("-1.0", cells[21]); // advantage = 1 − 2
        assertEquals("true", cells[24]); // perturbed
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary left behind
        }
    }

    /** Issue 20, point 8: a training episode has no seed of its own: the column is empty, not −1. */
    @Test
    void aTrainingEpisodeLeavesTheSeedEmpty(@TempDir Path dir) throws Exception {
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.TRAINING, -1, List.of(
                new EpisodeStep(new double[] {1, 2, 3, 4}, new float[] {1, 2, 3, 4}, 0.5f, 0.5f, 2f,
                        0, 1f, true, false, false)), 0, 8, 0.99);
        Path file = dir.resolve("training.csv");
        EpisodeCsv.write(e, file);
        String[] cells = Files.readAllLines(file).get(1).split(",", -1);
        assertEquals("training", cells[0]);
        assertEquals("", cells[1]);
        assertEquals("8", cells[2]);
    }
}
