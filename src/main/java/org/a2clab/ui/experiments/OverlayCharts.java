package org.a2clab.ui.experiments;

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
 * runs, and with Profiles on the performance profiles and IQM curves of their groups. Their series
 * are built on {@code background} (group medians need bootstrap intervals) at most about three
 * times a second, and painted on the next pulse after they arrive.
 */
final class OverlayCharts {
    private static final long REBUILD_NANOS = 330_000_000L;
    private final ExperimentsViewModel model;
    private final Executor background;
    private final LinePlot returns = new LinePlot("Mean return of the last 100 episodes vs env steps")
            .reference(new ReferenceLine(String.format(Locale.ROOT, "solved: %.0f", StopRule.SOLVED_RETURN),
                    StopRule.SOLVED_RETURN, Color.web("#2e7d32")))
            .yRange(0, 520);
    private final LinePlot profile = new LinePlot(
            "Performance profile: fraction of finished runs with final mean-100 return ≥ τ (x: τ), 95% band")
            .yRange(0, 1.05);
    private final LinePlot iqm = new LinePlot("IQM of the mean return of the last 100 episodes vs env steps, 95% band")
            .reference(new ReferenceLine(String.format(Locale.ROOT, "solved: %.0f", StopRule.SOLVED_RETURN),
                    StopRule.SOLVED_RETURN, Color.web("#2e7d32")))
            .yRange(0, 520);
    private final Profiles profiles = new Profiles();
    private final Map<Metric, LinePlot> metricPlots = new EnumMap<>(Metric.class);
    private final StackPane metricPane = new StackPane();
    private final AtomicReference<Overlay[]> ready = new AtomicReference<>();
    private long builtVersion = -1;
    private boolean building;
    private long lastBuild;
    private double xMax = 1;
    private double iqmXMax = 1;
    private long paints;

    OverlayCharts(ExperimentsViewModel model, Executor background) {
        this.model = model;
        this.background = background;
        returns.setId("overlay-returns");
        profile.setId("performance-profile");
        iqm.setId("iqm-curves");
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
        model.overlay().showProfilesProperty().addListener((o, a, b) -> builtVersion = -1);
    }

    LinePlot profilePlot() {
        return profile;
    }

    LinePlot iqmPlot() {
        return iqm;
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
            if (built.length == 4) {
                apply(profile, built[2]);
                apply(iqm, built[3]);
                iqmXMax = Math.max(1, built[3].xMax());
            }
            paint();
        } else if (returns.takeSizeChanged() | metricPlot().takeSizeChanged() | profile.takeSizeChanged()
                | iqm.takeSizeChanged()) {
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
        List<Overlay.Source> sources = Overlay.sources(model.rows());
        Metric metric = model.overlay().metricProperty().get();
        boolean group = model.overlay().groupBySettingsProperty().get();
        boolean seeds = model.overlay().showSeedsProperty().get();
        boolean withProfiles = model.overlay().showProfilesProperty().get();
        background.execute(() -> {
            Overlay returnsOverlay = Overlay.build(sources, Metric.MEAN_RETURN_100, group, seeds);
            Overlay metricOverlay = Overlay.build(sources, metric, group, seeds);
            // the profiles' bootstraps are the costly part: only while the Profiles view shows
            if (withProfiles) {
                Overlay[] p = profiles.build(sources);
                ready.set(new Overlay[] {returnsOverlay, metricOverlay, p[0], p[1]});
            } else {
                ready.set(new Overlay[] {returnsOverlay, metricOverlay});
            }
        });
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
        if (model.overlay().showProfilesProperty().get()) {
            profile.paint(0, 500);
            iqm.paint(0, iqmXMax);
        }
        paints++;
    }
}
