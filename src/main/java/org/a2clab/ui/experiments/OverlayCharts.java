package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.a2clab.experiment.Metric;
import org.a2clab.train.StopRule;
import org.a2clab.ui.charts.Band;
import org.a2clab.ui.charts.LinePlot;
import org.a2clab.ui.charts.ReferenceLine;
import org.a2clab.ui.charts.SeriesBuffer;
import org.a2clab.ui.charts.Trace;

/**
 * The two overlay charts: mean-100 return and a chosen metric against env steps for the overlaid
 * runs. Their series are built on {@code background} (group medians need bootstrap intervals)
 * at most about three times a second, and painted on the next pulse after they arrive.
 */
final class OverlayCharts {
    private static final long REBUILD_NANOS = 330_000_000L;
    private final ExperimentsViewModel model;
    private final Executor background;
    private final LinePlot returns = new LinePlot("Mean return of the last 100 episodes vs env steps")
            .reference(new ReferenceLine(String.format(Locale.ROOT, "solved: %.0f", StopRule.SOLVED_RETURN),
                    StopRule.SOLVED_RETURN, Color.web("#2e7d32")))
            .yRange(0, 520);
    private final Map<Metric, LinePlot> metricPlots = new EnumMap<>(Metric.class);
    private final StackPane metricPane = new StackPane();
    private final AtomicReference<Overlay[]> ready = new AtomicReference<>();
    private long builtVersion = -1;
    private boolean building;
    private long lastBuild;
    private double xMax = 1;
    private long paints;

    OverlayCharts(ExperimentsViewModel model, Executor background) {
        this.model = model;
        this.background = background;
        returns.setId("overlay-returns");
        for (Metric m : Metric.values()) {
            LinePlot p = new LinePlot(m.label() + " vs env steps");
            p.setId("overlay-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            metricPlots.put(m, p);
        }
        metricPane.getChildren().add(metricPlots.get(model.overlay().metricProperty().get()));
        model.overlay().metricProperty().addListener((o, a, m) -> {
            metricPane.getChildren().setAll(metricPlots.get(m));
            builtVersion = -1;
        });
        model.overlay().groupBySettingsProperty().addListener((o, a, b) -> builtVersion = -1);
        model.overlay().showSeedsProperty().addListener((o, a, b) -> builtVersion = -1);
    }

    LinePlot returnsPlot() {
        return returns;
    }

    StackPane metricPane() {
        return metricPane;
    }

    LinePlot metricPlot() {
        return metricPlots.get(model.overlay().metricProperty().get());
    }

    long paints() {
        return paints;
    }

    /** Once per FX pulse. */
    void pulse(long now) {
        Overlay[] built = ready.getAndSet(null);
        if (built != null) {
            building = false;
            apply(returns, built[0]);
            apply(metricPlots.get(model.overlay().metricProperty().get()), built[1]);
            xMax = Math.max(1, Math.max(built[0].xMax(), built[1].xMax()));
            paint();
        } else if (returns.takeSizeChanged() | metricPlot().takeSizeChanged()) {
            paint();
        }
        long version = model.versionProperty().get();
        if (!building && version != builtVersion && now - lastBuild >= REBUILD_NANOS) {
            request(version, now);
        }
    }

    private void request(long version, long now) {
        building = true;
        builtVersion = version;
        lastBuild = now;
        List<Overlay.Source> sources = new ArrayList<>();
        for (RunRow row : model.rows()) {
            if (row.overlayProperty().get() && row.record().hp() != null) {
                sources.add(new Overlay.Source(row.nameProperty().get(), row.colour(), row.record().hp(), row.curves()));
            }
        }
        Metric metric = model.overlay().metricProperty().get();
        boolean group = model.overlay().groupBySettingsProperty().get();
        boolean seeds = model.overlay().showSeedsProperty().get();
        background.execute(() -> ready.set(new Overlay[] {
            Overlay.build(sources, Metric.MEAN_RETURN_100, group, seeds),
            Overlay.build(sources, metric, group, seeds)}));
    }

    private static void apply(LinePlot plot, Overlay o) {
        plot.clearData();
        for (Overlay.Shade s : o.bands()) {
            plot.band(new Band(s.name(), buffer(s.x(), s.low()), buffer(s.x(), s.high()), s.colour()));
        }
        // with many runs the legend would crowd the plot: the runs list is the legend then
        boolean legend = o.lines().stream().filter(l -> !l.name().isEmpty()).count() <= 6;
        for (Overlay.Line l : o.lines()) {
            plot.trace(new Trace(legend ? l.name() : "", buffer(l.x(), l.y()), l.colour(), l.width(), false));
        }
    }

    private static SeriesBuffer buffer(double[] x, double[] y) {
        int n = Math.max(2, x.length + (x.length % 2));
        SeriesBuffer b = new SeriesBuffer(n, n);
        for (int i = 0; i < x.length; i++) {
            b.add(x[i], y[i]);
        }
        return b;
    }

    private void paint() {
        returns.paint(0, xMax);
        metricPlot().paint(0, xMax);
        paints++;
    }
}
