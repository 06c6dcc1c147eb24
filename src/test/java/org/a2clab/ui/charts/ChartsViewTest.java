package org.a2clab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import org.a2clab.ui.training.Samples;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The plots' x axes move together, whatever the window and however fast the run goes. */
@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void everyPlotShowsTheSameXRangeAfterEveryPulse() throws Exception {
        onFx(this::checkAllWindows);
    }

    @Test
    void aGaussianRunShowsMuSigmaAndItsEntropyInPlaceOfTheProbabilities() throws Exception {
        onFx(this::checkPolicySwap);
    }

    @Test
    void onlyPlotsWhoseDataOrRangeChangedAreRepaintedAndAMovedRangeSparesTheHistogram() throws Exception {
        onFx(this::checkRepaints);
    }

    /** 9 line plots (the return plot and 8 details) and the advantage histogram. */
    private void checkRepaints() {
        MetricsHistory history = new MetricsHistory();
        ChartsView charts = new ChartsView(history);
        long[] now = {0};
        Runnable pulse = () -> charts.pulse(now[0] += 16 * MS);
        history.onUpdates(List.of(Samples.update(1, 500, 20)));
        for (int i = 0; i < 20; i++) {
            pulse.run();
        }
        assertEquals(10, charts.paintCount(), "the first sweep paints every plot once");

        // another window over the same range and data: nothing to repaint
        charts.setWindow(TimeWindow.LAST_20K);
        for (int i = 0; i < 20; i++) {
            pulse.run();
        }
        assertEquals(10, charts.paintCount(), "a window that shows the same range repaints nothing");

        // new data that moves the range: the line plots at once, the histogram in its turn
        now[0] += SECOND;
        history.onUpdates(List.of(Samples.update(2, 4_500, 20)));
        List<Long> repaints = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long before = charts.paintCount();
            pulse.run();
            if (charts.paintCount() > before) {
                repaints.add(charts.paintCount() - before);
            }
        }
        assertEquals(List.of(9L, 1L), repaints,
                "the moved range repaints the 9 line plots in one pulse, the histogram (new data) in its turn");

        // new data within the same range: one plot per pulse, each once
        now[0] += SECOND;
        history.onUpdates(List.of(Samples.update(3, 4_900, 20)));
        for (int i = 0; i < 20; i++) {
            long before = charts.paintCount();
            pulse.run();
            org.junit.jupiter.api.Assertions.assertTrue(charts.paintCount() - before <= 1, "pulse " + i);
        }
        assertEquals(30, charts.paintCount());
    }

    /** Runs {@code check} on the FX thread (controls need it); an assertion failing there fails the test. */
    private static void onFx(Runnable check) throws Exception {
        try {
            WaitForAsyncUtils.asyncFx(check).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError) {
                throw (AssertionError) e.getCause();
            }
            throw e;
        }
    }

    private static List<String> titles(ChartsView charts) {
        List<String> out = new ArrayList<>();
        for (Node n : ((GridPane) charts.detailPlots()).getChildren()) {
            if (n instanceof LinePlot) {
                out.add(((LinePlot) n).title());
            }
        }
        return out;
    }

    private void checkPolicySwap() {
        MetricsHistory history = new MetricsHistory();
        ChartsView charts = new ChartsView(history);
        List<String> categorical = titles(charts);
        assertEquals("Action probabilities π(a|s)", categorical.get(0));
        history.onUpdates(List.of(MetricsHistoryTest.gaussianUpdate(1, 100, 0.1, 0.9)));
        charts.pulse(0);
        List<String> gaussian = titles(charts);
        assertEquals(categorical.size(), gaussian.size());
        org.junit.jupiter.api.Assertions.assertTrue(gaussian.contains("μ(s), σ(s) over the batch"), gaussian.toString());
        org.junit.jupiter.api.Assertions.assertTrue(gaussian.contains("Policy entropy H = ½ log(2πe) + log σ"));
        org.junit.jupiter.api.Assertions.assertFalse(gaussian.contains("Action probabilities π(a|s)"));
        org.junit.jupiter.api.Assertions.assertFalse(gaussian.contains("Policy entropy H(π)  (max ln 2 ≈ 0.693)"));
        Node muSigma = ((GridPane) charts.detailPlots()).lookup("#mu-sigma-plot");
        assertEquals(0, GridPane.getColumnIndex(muSigma));
        assertEquals(0, GridPane.getRowIndex(muSigma));
        history.reset();
        history.onUpdates(List.of(Samples.update(1, 100, 10)));
        charts.pulse(1);
        assertEquals(categorical, titles(charts), "a categorical run after it gets the categorical plots back, in place");
    }

    private void checkAllWindows() {
        for (TimeWindow window : TimeWindow.values()) {
            MetricsHistory history = new MetricsHistory();
            ChartsView charts = new ChartsView(history);
            charts.setWindow(window);
            List<LinePlot> plots = new ArrayList<>();
            plots.add((LinePlot) charts.returnPlot());
            for (Node n : ((GridPane) charts.detailPlots()).getChildren()) {
                if (n instanceof LinePlot) {
                    plots.add((LinePlot) n);
                }
            }
            long steps = 0;
            for (int pulse = 0; pulse < 600; pulse++) {
                // 30k env steps/s at 60 pulses/s: the range moves while sweeps are under way
                steps += 500;
                history.onUpdates(List.of(Samples.update(pulse, steps, 400)));
                charts.pulse(pulse * 16 * MS);
                double[] first = plots.get(0).paintedRange();
                for (LinePlot p : plots) {
                    assertArrayEquals(first, p.paintedRange(), window + ", pulse " + pulse + ": " + p.title());
                }
            }
            double[] range = plots.get(0).paintedRange();
            assertEquals(0, range[1] % 1, "the right end is a round number");
        }
    }
}
