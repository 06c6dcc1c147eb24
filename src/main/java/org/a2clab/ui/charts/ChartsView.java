package org.a2clab.ui.charts;

import org.a2clab.agent.PolicyKind;
import org.a2clab.ui.canvas.CanvasPane;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The live plots of a run, drawn on Canvases. Chosen by measurement (9 plots × 3 series, one
 * repaint per pulse, software pipeline): at 400 points LineChart cost 25% FX + 22% render-thread
 * CPU against 11% + 16% here; at 2000 points LineChart fell to 10–20 pulses/s, the Canvas plots
 * held 60. New data is swept over the plots one plot per pulse, about twice a second, so training
 * at full speed costs the FX and render threads a small, even amount of work.
 */
public final class ChartsView {
    private final MetricsHistory history;
    private final ChoiceBox<TimeWindow> window = new ChoiceBox<>();
    private final LinePlot returns;
    private final HistogramPlot advantageHistogram = new HistogramPlot("Advantage distribution, recent rollouts", Palette.PURPLE);
    private final List<LinePlot> details;
    /** Shown in place of the π plot (details 0) and the entropy plot (details 4) while the run is Gaussian. */
    private final GaussianPlots gaussian;
    /** Each kind's actor plots, in the grid places they take turns in (π and entropy; μ/σ and H). */
    private final Map<PolicyKind, List<LinePlot>> actorPlots;
    /** The actor plots in the grid now: the categorical ones until a Gaussian update. */
    private List<LinePlot> shownActorPlots;
    private final GridPane detailGrid = new GridPane();
    /** New data starts a sweep over all plots at most this often: each plot updates about twice a second. */
    private static final long SWEEP_INTERVAL_NANOS = 450_000_000L;

    private final List<CanvasPane> plots = new java.util.ArrayList<>();
    /** What each plot shows: the data version and, for the line plots, the x range it was painted for. */
    private final java.util.Map<CanvasPane, List<Double>> shown = new java.util.IdentityHashMap<>();
    private long sweepStart;
    private long paintedVersion = -1;
    private TimeWindow paintedWindow;
    private int cursor;
    private double xMin;
    private double xMax;
    private long paintCount;

    public ChartsView(MetricsHistory h) {
        this.history = h;
        window.setId("time-window");
        window.getItems().setAll(TimeWindow.values());
        window.setValue(TimeWindow.ALL);

        returns = new LinePlot("Episode return")
                .trace(Trace.thin("episode", h.episodeReturn, Palette.GREY))
                .trace(Trace.line("mean of last 100", h.meanReturn100, Palette.BLUE))
                .markers(Markers.dots("greedy eval", h.evaluations, Palette.ORANGE))
                .markers(Markers.ring("best so far", h.bestEvaluation, Palette.SOLVED))
                .reference(new ReferenceLine(String.format(java.util.Locale.ROOT, "solved: %.0f",
                        org.a2clab.train.StopRule.SOLVED_RETURN), org.a2clab.train.StopRule.SOLVED_RETURN, Palette.SOLVED))
                .yRange(0, 520);
        returns.setId("return-plot");
        returns.liveChanges(h::liveChanges, true);
        details = List.of(
                new LinePlot("Action probabilities π(a|s)")
                        .trace(Trace.thin("π(right) w0", h.workerProbRight, Palette.ORANGE.deriveColor(0, 1, 1, 0.55)))
                        .trace(Trace.thin("π(left) w0", h.workerProbLeft, Palette.BLUE.deriveColor(0, 1, 1, 0.55)))
                        .trace(Trace.line("batch π(right)", h.batchProbRight, Palette.ORANGE))
                        .trace(Trace.line("batch π(left)", h.batchProbLeft, Palette.BLUE))
                        .yRange(0, 1),
                new LinePlot("Critic V(s) vs n-step return R")
                        .band(new Band("R ± 1σ", h.returnLow, h.returnHigh, Palette.GREEN))
                        .trace(Trace.line("mean R", h.returnMean, Palette.GREEN))
                        .trace(Trace.line("mean V(s)", h.valueMean, Palette.BLUE)),
                new LinePlot("Advantage A = R − V(s)")
                        .band(new Band("±1σ", h.advantageLow, h.advantageHigh, Palette.PURPLE))
                        .trace(Trace.line("mean A", h.advantageMean, Palette.PURPLE)),
                new LinePlot("Losses")
                        .trace(Trace.line("policy", h.policyLoss, Palette.ORANGE))
                        .trace(Trace.line("value", h.valueLoss, Palette.GREEN))
                        .trace(Trace.line("entropy (−H)", h.entropyLoss, Palette.PURPLE)),
                new LinePlot("Policy entropy H(π)  (max ln 2 ≈ 0.693)")
                        .trace(Trace.line("H", h.entropy, Palette.PURPLE))
                        .yRange(0, 0.72),
                new LinePlot("Explained variance of R by V(s)")
                        .trace(Trace.line("1 − Var(R−V)/Var(R)", h.explainedVariance, Palette.TEAL))
                        .reference(new ReferenceLine("perfect critic", 1, Palette.SOLVED))
                        .yClamp(-1, 1),
                new LinePlot("Gradient norm before clipping (log scale)")
                        .trace(Trace.line("‖∇‖", h.gradNorm, Palette.RED))
                        .logY(),
                // the speed stays in the status bar; α is what a learner changes and schedules
                new LinePlot("Learning rate α (scheduled)")
                        .trace(Trace.line("α", h.learningRate, Palette.ORANGE))
                        .fromZero());
        for (LinePlot p : details) {
            p.liveChanges(h::liveChanges, false);
        }
        gaussian = new GaussianPlots(h);
        actorPlots = Map.of(PolicyKind.CATEGORICAL, List.of(details.get(0), details.get(4)),
                PolicyKind.GAUSSIAN, List.of(gaussian.muSigma, gaussian.entropy));
        shownActorPlots = actorPlots.get(PolicyKind.CATEGORICAL);
        buildGrid();
    }

    private void buildGrid() {
        detailGrid.getStyleClass().add("plot-grid");
        detailGrid.setHgap(6);
        detailGrid.setVgap(6);
        int columns = 3;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            detailGrid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 3; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / 3);
            rc.setVgrow(Priority.ALWAYS);
            detailGrid.getRowConstraints().add(rc);
        }
        List<CanvasPane> panes = new java.util.ArrayList<>(details);
        panes.add(3, advantageHistogram);
        plots.add(returns);
        plots.addAll(panes);
        for (int i = 0; i < panes.size(); i++) {
            CanvasPane p = panes.get(i);
            p.setMinSize(0, 0);
            detailGrid.add(p, i % columns, i / columns);
        }
    }

    /** The large episode-return plot. */
    public Node returnPlot() {
        return returns;
    }

    /** The grid of the other plots. */
    public Node detailPlots() {
        return detailGrid;
    }

    /** Chooses the plotted window, as the toolbar's choice does. */
    public void setWindow(TimeWindow w) {
        window.setValue(w);
    }

    /** The time-window choice, for a toolbar. */
    public Node windowChoice() {
        Label label = new Label("Plot window");
        HBox box = new HBox(6, label, window);
        box.getStyleClass().add("window-choice");
        return box;
    }

    /**
     * Called every pulse. Repaints at most one plot per pulse, round robin, and only plots whose
     * data, x range or size changed: the cost per pulse stays small and even, never one long stall.
     * The one exception is a moved x range, below.
     */
    public void pulse(long nowNanos) {
        // the latest update's kind chooses the actor plots; the grid follows the choice
        List<LinePlot> actor = actorPlots.get(history.policy());
        if (actor != shownActorPlots) {
            showActorPlots(actor);
        }
        boolean dataChanged = paintedVersion != history.version() || paintedWindow != window.getValue();
        boolean windowChanged = paintedWindow != window.getValue();
        if (dataChanged && cursor == 0 && (windowChanged || nowNanos - sweepStart >= SWEEP_INTERVAL_NANOS)) {
            sweepStart = nowNanos;
            // Start a new sweep; all plots of one sweep share the same x range.
            paintedVersion = history.version();
            paintedWindow = window.getValue();
            double end = window.getValue().end(history.latestSteps());
            double start = window.getValue().start(end);
            if (end != xMax || start != xMin) {
                // The range moved: repaint the plots drawn over it now, so their x axes never
                // disagree (a sweep spread over pulses would show old and new ranges side by side).
                // The histogram has no x range: it waits for its turn, and only for new data.
                xMax = end;
                xMin = start;
                for (CanvasPane plot : plots) {
                    if (plot instanceof LinePlot) {
                        plot.takeSizeChanged();
                        paint(plot);
                    }
                }
                return;
            }
        }
        CanvasPane plot = plots.get(cursor);
        if (plot.takeSizeChanged() | !wanted(plot).equals(shown.get(plot))) {
            paint(plot);
        }
        cursor = (cursor + 1) % plots.size();
    }

    /** What {@code plot} should show now: the sweep's data version, and the x range for a line plot. */
    private List<Double> wanted(CanvasPane plot) {
        return plot instanceof LinePlot ? List.of((double) paintedVersion, xMin, xMax) : List.of((double) paintedVersion);
    }

    /** Swaps the actor's plots in the grid and the sweep for {@code in}; repaints them all. */
    private void showActorPlots(List<LinePlot> in) {
        for (int i = 0; i < in.size(); i++) {
            swap(shownActorPlots.get(i), in.get(i));
        }
        shownActorPlots = in;
        paintedVersion = -1;
    }

    private void swap(LinePlot out, LinePlot in) {
        int at = plots.indexOf(out);
        Integer column = GridPane.getColumnIndex(out);
        Integer row = GridPane.getRowIndex(out);
        plots.set(at, in);
        in.setMinSize(0, 0);
        GridPane.setConstraints(in, column, row);
        detailGrid.getChildren().set(detailGrid.getChildren().indexOf(out), in);
    }

    private void paint(CanvasPane plot) {
        if (plot instanceof LinePlot) {
            ((LinePlot) plot).paint(xMin, xMax);
        } else {
            advantageHistogram.paint(history.recentAdvantages());
        }
        shown.put(plot, wanted(plot));
        paintCount++;
    }

    /** How many times the plots were repainted (for tests and the performance log). */
    public long paintCount() {
        return paintCount;
    }
}
