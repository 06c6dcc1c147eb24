package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.a2clab.experiment.GroupCurve;
import org.a2clab.experiment.RunFolders;
import org.a2clab.stats.SeedStatistics;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlotsTest {
    @TempDir
    Path tmp;

    /**
     * learning_curves.png once counted a run without a mean-100 yet as 0: every band started at 0,
     * and where one run of two had a mean the median was half of it.
     */
    @Test
    void theBandIsAbsentUntilARunHasAMeanReturnAndNeverCountsAMissingOneAsZero() throws IOException {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
        // 20 updates of 5,000 env steps; seed 1 has a mean-100 from update 5 (25k), seed 2 from update 9 (45k)
        RunFolders.finished(SweepCommand.runDir(tmp, "lr", "0.001", 1), hp.withSeed(1), true, 100_000, 480, 10, 20, 5);
        RunFolders.finished(SweepCommand.runDir(tmp, "lr", "0.001", 2), hp.withSeed(2), true, 100_000, 400, 10, 20, 9);
        GroupCurve c = GroupCurve.of(SweepPlots.curves(tmp, "lr", "0.001", new long[] {1, 2}), SeedStatistics::median);
        assertEquals(GroupCurve.POINTS, c.x().length);
        assertEquals(0, c.x()[0]);
        assertEquals(100_000, c.x()[c.x().length - 1]);
        int absent = 0;
        int alone = 0;
        for (int i = 0; i < c.x().length; i++) {
            long u = (long) (c.x()[i] / 5_000);
            if (u < 5) {
                absent++;
                assertTrue(Double.isNaN(c.centre()[i]) && Double.isNaN(c.low()[i]) && Double.isNaN(c.high()[i]),
                        "no run has a mean-100 at " + c.x()[i] + ": no point, got " + c.centre()[i]);
            } else if (u < 9) {
                alone++;
                double seed1 = 480.0 * u / 20;
                assertEquals(seed1, c.centre()[i], 1e-9, "only seed 1 has a mean-100 at " + c.x()[i]);
                assertEquals(seed1, c.low()[i], 1e-9);
                assertEquals(seed1, c.high()[i], 1e-9);
            } else {
                assertEquals((480.0 + 400.0) / 2 * u / 20, c.centre()[i], 1e-9, "at " + c.x()[i]);
                assertTrue(c.low()[i] >= 400.0 * u / 20 - 1e-9 && c.high()[i] <= 480.0 * u / 20 + 1e-9);
            }
        }
        assertTrue(absent > 20 && alone > 20, absent + " absent, " + alone + " with seed 1 alone");
    }
}
