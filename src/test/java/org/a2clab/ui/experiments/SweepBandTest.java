package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.cli.Cli;
import org.a2clab.cli.SweepBands;
import org.a2clab.experiment.GroupCurve;
import org.a2clab.experiment.Metric;
import org.a2clab.stats.SeedStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One band: {@code sweep}'s learning_curves.png and iqm_curves.png and the app's grouped overlay
 * and Profiles charts of the opened sweep draw the same median and IQM curves with the same 95%
 * bands, point by point, from real runs.
 */
class SweepBandTest {
    private static final long[] SEEDS = {2, 3, 4};
    private static final String[] VALUES = {"0.001", "0.003"};

    @TempDir
    Path tmp;

    @Test
    void sweepsPlotsAndTheAppsGroupedChartsDrawTheSameBandsFromTheSameRuns() throws Exception {
        Path out = tmp.resolve("sweep");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"sweep", "--vary", "lr=" + String.join(",", VALUES), "--seed-list", "2,3,4",
            "--parallel", "2", "--max-steps", "4000", "--target-return", "30", "--envs", "4", "--hidden", "16",
            "--device", "cpu", "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(out.resolve("learning_curves.png")) && Files.isRegularFile(out.resolve("iqm_curves.png")));

        ExperimentsViewModel vm = new ExperimentsViewModel(Runnable::run, Runnable::run);
        vm.open(out);
        List<Overlay.Source> sources = Overlay.sources(vm.rows());
        assertEquals(6, sources.size());
        Overlay median = Overlay.build(sources, Metric.MEAN_RETURN_100, true, false);
        Overlay iqm = new Profiles().build(sources)[1];
        String[] names = {"α 1e-3", "α 3e-3"};
        for (int g = 0; g < VALUES.length; g++) {
            assertTrue(median.lines().get(g).name().startsWith(names[g] + " · median of 3"), median.lines().get(g).name());
            assertTrue(iqm.lines().get(g).name().startsWith(names[g] + " · IQM of 3"), iqm.lines().get(g).name());
            assertSame(SweepBands.of(out, "lr", VALUES[g], SEEDS, SeedStatistics::median), median, g);
            assertSame(SweepBands.of(out, "lr", VALUES[g], SEEDS, SeedStatistics::iqm), iqm, g);
        }
    }

    /** Group {@code g} of the app's chart is the sweep's band, and it has no point before a run has a mean-100. */
    private static void assertSame(GroupCurve sweep, Overlay app, int g) {
        Overlay.Line line = app.lines().get(g);
        Overlay.Shade band = app.bands().get(g);
        assertArrayEquals(sweep.x(), line.x());
        assertArrayEquals(sweep.centre(), line.y());
        assertArrayEquals(sweep.x(), band.x());
        assertArrayEquals(sweep.low(), band.low());
        assertArrayEquals(sweep.high(), band.high());
        assertTrue(Double.isNaN(sweep.centre()[0]), "no run has a mean-100 at 0 env steps");
        int finite = 0;
        for (double v : sweep.centre()) {
            finite += Double.isFinite(v) ? 1 : 0;
            assertNotEquals(0.0, v, "a missing mean-100 never counts as 0");
        }
        assertTrue(finite > GroupCurve.POINTS / 2, finite + " points");
    }
}
