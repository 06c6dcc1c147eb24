package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.stats.SeedStatistics;
import org.junit.jupiter.api.Test;

/** Statistics of a group whose runs have no return, and seeds that would wrap. */
class SeedReportTest {
    @Test
    void aGroupWithoutAFinishedEpisodeHasNoIqm() {
        SeedReport r = SeedReport.of(new long[] {1, 2}, new boolean[] {false, false}, new long[] {10, 10},
                new double[] {Double.NaN, Double.NaN});
        // its runs say null; 0.0 [0, 0] would claim a measured return of zero
        assertTrue(Double.isNaN(r.iqmFinalReturn()), "IQM " + r.iqmFinalReturn());
        assertTrue(Double.isNaN(r.iqmFinalReturnCi().low()) && Double.isNaN(r.iqmFinalReturnCi().high()));
        assertEquals(0, r.solvedFraction());
    }

    @Test
    void aRunWithoutAReturnStillCountsAsZeroBesideRunsWithOne() {
        SeedReport r = SeedReport.of(new long[] {1, 2, 3}, new boolean[] {false, false, false}, new long[] {10, 10, 10},
                new double[] {Double.NaN, 30, 60});
        assertEquals(SeedStatistics.iqm(new double[] {0, 30, 60}), r.iqmFinalReturn(), 1e-12);
    }

    @Test
    void aSeedCountPastTheLargestSeedIsRefusedNotWrapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.parseSeeds("2", Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("largest seed"), e.getMessage());
        assertArrayEquals(new long[] {Long.MAX_VALUE - 1, Long.MAX_VALUE}, ExperimentPlan.parseSeeds("2", Long.MAX_VALUE - 1));
    }
}
