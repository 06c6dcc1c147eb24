package org.a2clab.ui.charts;

import org.a2clab.ui.canvas.CanvasPane;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import org.a2clab.ui.training.LiveChange;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * A live line plot drawn on a Canvas: traces, shaded bands and reference lines over an env-step
 * x axis. Data is reduced to one min/max envelope per pixel column while drawing, so a repaint
 * costs O(points) arithmetic but only O(width) drawing calls.
 */
public final class LinePlot extends CanvasPane {
    private final String title;
    private final List<Trace> traces = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();
    private final List<Markers> markers = new ArrayList<>();
    private double fixedMin = Double.NaN;
    private double fixedMax = Double.NaN;
    private double clampMin = Double.NEGATIVE_INFINITY;
    private double clampMax = Double.POSITIVE_INFINITY;
    private boolean logY;
    private boolean fromZero;
    private java.util.function.Supplier<List<LiveChange>> liveChanges = List::of;
    private boolean labelLiveChanges;
    private double[] paintedRange = {0, 0};

    public LinePlot(String title) {
        this.title = title;
        getStyleClass().add("plot");
        Tooltip.install(this, new Tooltip(title)); // a narrow plot may shorten its title
    }

    public LinePlot trace(Trace trace) {
        traces.add(trace);
        return this;
    }

    public LinePlot band(Band band) {
        bands.add(band);
        return this;
    }

    /** Dots drawn over the lines, e.g. evaluation scores on the return plot. */
    public LinePlot markers(Markers m) {
        markers.add(m);
        return this;
    }

    /**
     * Removes every trace, band and marker set (reference lines stay), for plots whose series
     * change as a whole, such as the Experiments tab's overlay of the selected runs.
     */
    public LinePlot clearData() {
        traces.clear();
        bands.clear();
        markers.clear();
        return this;
    }

    /** Traces drawn now, in drawing order. */
    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    /** Bands drawn now. */
    public List<Band> bands() {
        return List.copyOf(bands);
    }

    public LinePlot reference(ReferenceLine line) {
        references.add(line);
        return this;
    }

    /** A fixed y range, e.g. [0, 1] for probabilities. */
    public LinePlot yRange(double min, double max) {
        fixedMin = min;
        fixedMax = max;
        return this;
    }

    /** Limits the automatic y range, so e.g. an early explained variance of −40 does not flatten the rest. */
    public LinePlot yClamp(double min, double max) {
        clampMin = min;
        clampMax = max;
        return this;
    }

    /** An automatic y range that always starts at 0, for non-negative quantities whose size matters (α). */
    public LinePlot fromZero() {
        fromZero = true;
        return this;
    }

    /** A log10 y axis, for quantities that span decades (gradient norms). Non-positive values are skipped. */
    public LinePlot logY() {
        logY = true;
        return this;
    }

    /** Marks live setting changes with thin vertical lines; {@code labelled}: with their new values. */
    public LinePlot liveChanges(java.util.function.Supplier<List<LiveChange>> changes, boolean labelled) {
        this.liveChanges = changes;
        this.labelLiveChanges = labelled;
        return this;
    }

    /** The x range of the last paint: plots side by side must agree on it. */
    double[] paintedRange() {
        return paintedRange.clone();
    }

    public String title() {
        return title;
    }

    /** Repaints for x in [xMin, xMax]. */
    public void paint(double xMin, double xMax) {
        paintedRange = new double[] {xMin, xMax};
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (width < 1 || height < 1) {
            return;
        }
        double[] yRange = visibleYRange(xMin, xMax);
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        // an empty name keeps a series out of the legend (e.g. the thin per-seed lines of a group)
        for (Trace t : traces) {
            if (!t.name().isEmpty()) {
                names.add(t.name());
                colors.add(t.color());
            }
        }
        for (Band b : bands) {
            if (!b.name().isEmpty()) {
                names.add(b.name());
                colors.add(b.color().deriveColor(0, 1, 1, 0.35));
            }
        }
        for (Markers m : markers) {
            names.add(m.name());
            colors.add(m.color());
        }
        PlotFrame frame = new PlotFrame(width, height, xMin, xMax, yRange[0], yRange[1], logY, names);
        GraphicsContext g = canvas.getGraphicsContext2D();
        frame.paintBackground(g, width, height, title);
        g.save();
        g.beginPath();
        g.rect(frame.x0, frame.y0, frame.w, frame.h);
        g.clip();
        for (Band b : bands) {
            paintBand(g, frame, b);
        }
        for (ReferenceLine r : references) {
            paintReference(g, frame, r);
        }
        paintLiveChanges(g, frame);
        for (Trace t : traces) {
            paintTrace(g, frame, t);
        }
        for (Markers m : markers) {
            paintMarkers(g, frame, m, xMin, xMax);
        }
        g.restore();
        frame.paintLegend(g, names, colors);
    }

    private void paintLiveChanges(GraphicsContext g, PlotFrame f) {
        g.setLineWidth(1);
        g.setFont(PlotFrame.SMALL);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        int row = 0;
        for (LiveChange c : liveChanges.get()) {
            if (c.envSteps() < f.xMin || c.envSteps() > f.xMax) {
                continue;
            }
            double x = Math.round(f.px(c.envSteps())) + 0.5;
            g.setStroke(Palette.LIVE_CHANGE);
            g.strokeLine(x, f.y0, x, f.y0 + f.h);
            if (labelLiveChanges) {
                // labels step down so neighbouring marks stay readable; a pale box keeps them off the data
                double room = Math.max(20, f.x0 + f.w - x - 5);
                double y = f.y0 + 2 + 13 * (row++ % 3);
                g.setFill(Color.web("#ffffff", 0.85));
                g.fillRect(x + 1, y - 1, Math.min(room + 2, PlotFrame.textWidth(c.text(), PlotFrame.SMALL) + 4), 13);
                g.setFill(Palette.LIVE_CHANGE);
                g.fillText(c.text(), x + 3, y, room);
            }
        }
    }

    private double[] visibleYRange(double xMin, double xMax) {
        if (!Double.isNaN(fixedMin)) {
            return new double[] {fixedMin, fixedMax};
        }
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SeriesBuffer.PointVisitor extend = (x, y) -> {
            double v = logY ? Math.log10(y) : y;
            if (Double.isFinite(v)) {
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        };
        for (Trace t : traces) {
            t.data().visit(xMin, xMax, extend);
        }
        for (Band b : bands) {
            b.lower().visit(xMin, xMax, extend);
            b.upper().visit(xMin, xMax, extend);
        }
        for (ReferenceLine ref : references) {
            extend.visit(0, ref.y());
        }
        if (r[0] > r[1]) {
            return new double[] {0, 1};
        }
        if (logY) {
            return new double[] {Math.floor(r[0]), Math.max(Math.ceil(r[1]), Math.floor(r[0]) + 1)};
        }
        double lo = Math.max(r[0], clampMin);
        double hi = Math.min(r[1], clampMax);
        if (fromZero) {
            return new double[] {0, hi > 0 ? hi * 1.1 : 1};
        }
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(1e-3, Math.abs(hi) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }

    /**
     * Sparse series (fewer points than half the columns) are stroked as a smooth polyline; dense
     * ones as per-column bars joined to the previous column (see {@link ColumnEnvelope}).
     */
    private static void paintTrace(GraphicsContext g, PlotFrame f, Trace t) {
        ColumnEnvelope env = ColumnEnvelope.of(t.data(), f);
        if (env.points * 2 < env.columns) {
            strokeSparse(g, f, t, env);
            return;
        }
        g.setFill(t.color());
        double barWidth = t.width() >= 1.2 ? 2 : 1;
        double previous = Double.NaN;
        for (int c = 0; c < env.columns; c++) {
            if (!env.has(c)) {
                continue;
            }
            double lo = env.min[c];
            double hi = env.max[c];
            if (!Double.isNaN(previous) && !env.breakBefore[c]) {
                lo = Math.min(lo, previous);
                hi = Math.max(hi, previous);
            }
            g.fillRect(f.x0 + c, Math.floor(lo), barWidth, Math.max(barWidth, Math.ceil(hi) - Math.floor(lo)));
            previous = env.last[c];
        }
    }

    private static void strokeSparse(GraphicsContext g, PlotFrame f, Trace t, ColumnEnvelope env) {
        g.setStroke(t.color());
        g.setLineWidth(t.width());
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes(t.dashed() ? new double[] {5, 4} : null);
        g.beginPath();
        boolean penDown = false;
        for (int c = 0; c < env.columns; c++) {
            if (!env.has(c)) {
                continue;
            }
            double x = f.x0 + c;
            if (penDown && !env.breakBefore[c]) {
                g.lineTo(x, env.first[c]);
            } else {
                g.moveTo(x, env.first[c]);
            }
            if (env.max[c] > env.min[c]) {
                g.lineTo(x, env.min[c]);
                g.lineTo(x, env.max[c]);
            }
            g.lineTo(x, env.last[c]);
            penDown = true;
        }
        g.stroke();
        g.setLineDashes(null);
    }

    /** A white-edged dot (or an open ring) per point, so dots read over the lines beneath them. */
    private static void paintMarkers(GraphicsContext g, PlotFrame f, Markers m, double xMin, double xMax) {
        double r = m.radius();
        g.setLineWidth(m.ring() ? 2 : 1.2);
        m.data().visit(xMin, xMax, (x, y) -> {
            double px = f.px(x);
            double py = f.py(y);
            if (m.ring()) {
                g.setStroke(m.color());
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            } else {
                g.setFill(m.color());
                g.fillOval(px - r, py - r, 2 * r, 2 * r);
                g.setStroke(Color.WHITE);
                g.strokeOval(px - r, py - r, 2 * r, 2 * r);
            }
        });
    }

    /** One filled bar per column from the lower to the upper series. */
    private static void paintBand(GraphicsContext g, PlotFrame f, Band b) {
        ColumnEnvelope upper = ColumnEnvelope.of(b.upper(), f);
        ColumnEnvelope lower = ColumnEnvelope.of(b.lower(), f);
        g.setFill(b.color().deriveColor(0, 1, 1, 0.22));
        for (int c = 0; c < upper.columns; c++) {
            if (upper.has(c) && lower.has(c)) {
                // Pixel y grows downwards: the upper series' highest point has the smallest y.
                double top = Math.floor(upper.min[c]);
                double bottom = Math.ceil(lower.max[c]);
                g.fillRect(f.x0 + c, top, 1, Math.max(1, bottom - top));
            }
        }
    }

    private static void paintReference(GraphicsContext g, PlotFrame f, ReferenceLine r) {
        if (r.y() < f.yMin || r.y() > f.yMax) {
            return;
        }
        double y = Math.round(f.py(r.y())) + 0.5;
        g.setStroke(r.color());
        g.setLineWidth(1);
        g.setLineDashes(6, 4);
        g.strokeLine(f.x0, y, f.x0 + f.w, y);
        g.setLineDashes(null);
        g.setFont(PlotFrame.SMALL);
        g.setFill(r.color());
        g.setTextAlign(TextAlignment.LEFT);
        // Label above the line, or below it when the line runs along the top edge.
        boolean below = y - f.y0 < 12;
        g.setTextBaseline(below ? VPos.TOP : VPos.BOTTOM);
        g.fillText(r.label(), f.x0 + 4, below ? y + 2 : y - 1);
    }
}
