package org.a2clab.ui.charts;

import org.a2clab.ui.canvas.CanvasPane;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * A live line plot drawn on a Canvas: traces, shaded bands and reference lines over an env-step
 * x axis. Dense data is reduced to min/max per pixel column while drawing, so a repaint costs
 * O(points) arithmetic but only O(width) path segments.
 */
public final class LinePlot extends CanvasPane {
    private final String title;
    private final List<Trace> traces = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<ReferenceLine> references = new ArrayList<>();
    private double fixedMin = Double.NaN;
    private double fixedMax = Double.NaN;
    private double clampMin = Double.NEGATIVE_INFINITY;
    private double clampMax = Double.POSITIVE_INFINITY;

    public LinePlot(String title) {
        this.title = title;
        getStyleClass().add("plot");
    }

    public LinePlot trace(Trace trace) {
        traces.add(trace);
        return this;
    }

    public LinePlot band(Band band) {
        bands.add(band);
        return this;
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

    public String title() {
        return title;
    }

    /** Repaints for x in [xMin, xMax]. */
    public void paint(double xMin, double xMax) {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (width < 1 || height < 1) {
            return;
        }
        double[] yRange = visibleYRange(xMin, xMax);
        PlotFrame frame = new PlotFrame(width, height, xMin, xMax, yRange[0], yRange[1]);
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
        for (Trace t : traces) {
            paintTrace(g, frame, t);
        }
        g.restore();
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (Trace t : traces) {
            names.add(t.name());
            colors.add(t.color());
        }
        for (Band b : bands) {
            names.add(b.name());
            colors.add(b.color().deriveColor(0, 1, 1, 0.35));
        }
        frame.paintLegend(g, names, colors);
    }

    private double[] visibleYRange(double xMin, double xMax) {
        if (!Double.isNaN(fixedMin)) {
            return new double[] {fixedMin, fixedMax};
        }
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SeriesBuffer.PointVisitor extend = (x, y) -> {
            if (!Double.isNaN(y) && !Double.isInfinite(y)) {
                r[0] = Math.min(r[0], y);
                r[1] = Math.max(r[1], y);
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
        double lo = Math.max(r[0], clampMin);
        double hi = Math.min(r[1], clampMax);
        double pad = hi > lo ? (hi - lo) * 0.06 : Math.max(1e-3, Math.abs(hi) * 0.1);
        return new double[] {lo - pad, hi + pad};
    }

    private static void paintTrace(GraphicsContext g, PlotFrame f, Trace t) {
        g.setStroke(t.color());
        g.setLineWidth(t.width());
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineDashes(t.dashed() ? new double[] {5, 4} : null);
        g.beginPath();
        ColumnReducer path = new ColumnReducer(g, f);
        t.data().visit(f.xMin, f.xMax, path);
        path.finish();
        g.stroke();
        g.setLineDashes(null);
    }

    private static void paintBand(GraphicsContext g, PlotFrame f, Band b) {
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        b.upper().visit(f.xMin, f.xMax, (x, y) -> upper.add(new double[] {f.px(x), f.py(y)}));
        b.lower().visit(f.xMin, f.xMax, (x, y) -> lower.add(new double[] {f.px(x), f.py(y)}));
        if (upper.size() < 2 || upper.size() != lower.size()) {
            return;
        }
        int step = Math.max(1, upper.size() / (int) Math.max(1, f.w));
        g.setFill(b.color().deriveColor(0, 1, 1, 0.22));
        g.beginPath();
        for (int i = 0; i < upper.size(); i += step) {
            double[] p = upper.get(i);
            if (i == 0) {
                g.moveTo(p[0], p[1]);
            } else {
                g.lineTo(p[0], p[1]);
            }
        }
        for (int i = lower.size() - 1; i >= 0; i -= step) {
            double[] p = lower.get(i);
            g.lineTo(p[0], p[1]);
        }
        g.closePath();
        g.fill();
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
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(r.label(), f.x0 + 4, y - 1);
    }

    /** Emits one vertical min–max segment per pixel column; NaN breaks the line. */
    private static final class ColumnReducer implements SeriesBuffer.PointVisitor {
        private final GraphicsContext g;
        private final PlotFrame f;
        private boolean penDown;
        private long column = Long.MIN_VALUE;
        private double first;
        private double min;
        private double max;
        private double last;

        ColumnReducer(GraphicsContext g, PlotFrame f) {
            this.g = g;
            this.f = f;
        }

        @Override
        public void visit(double x, double y) {
            if (Double.isNaN(y) || Double.isInfinite(y)) {
                flush();
                column = Long.MIN_VALUE;
                penDown = false;
                return;
            }
            double py = f.py(y);
            long c = Math.round(f.px(x));
            if (c != column) {
                flush();
                column = c;
                first = py;
                min = py;
                max = py;
            }
            min = Math.min(min, py);
            max = Math.max(max, py);
            last = py;
        }

        private void flush() {
            if (column == Long.MIN_VALUE) {
                return;
            }
            if (penDown) {
                g.lineTo(column, first);
            } else {
                g.moveTo(column, first);
                penDown = true;
            }
            if (max > min) {
                g.lineTo(column, min);
                g.lineTo(column, max);
            }
            g.lineTo(column, last);
        }

        void finish() {
            flush();
        }
    }
}
