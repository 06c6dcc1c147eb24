package org.a2clab.ui.charts;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The frame of a 2-D plot: data ↔ pixel mapping, background, grid, tick labels, title, legend. */
final class PlotFrame {
    static final Font TITLE = Font.font("System", javafx.scene.text.FontWeight.BOLD, 11.5);
    static final Font SMALL = Font.font("System", 10);
    static final Color GRID = Color.web("#e6e8eb");
    static final Color AXIS_TEXT = Color.web("#5f6670");
    private static final double LEFT = 46;
    private static final double RIGHT = 10;
    private static final double TOP = 34;
    private static final double BOTTOM = 18;

    private static final java.util.Map<String, Double> TEXT_WIDTHS = new java.util.HashMap<>();

    final double x0;
    final double y0;
    final double w;
    final double h;
    final double xMin;
    final double xMax;
    /** In log10 units when {@link #logY}. */
    final double yMin;
    final double yMax;
    final boolean logY;

    PlotFrame(double width, double height, double xMin, double xMax, double yMin, double yMax) {
        this(width, height, xMin, xMax, yMin, yMax, false);
    }

    /** With {@code logY}, yMin and yMax are log10 of the data range. */
    PlotFrame(double width, double height, double xMin, double xMax, double yMin, double yMax, boolean logY) {
        this.logY = logY;
        this.x0 = LEFT;
        this.y0 = TOP;
        this.w = Math.max(1, width - LEFT - RIGHT);
        this.h = Math.max(1, height - TOP - BOTTOM);
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    double px(double x) {
        return x0 + (x - xMin) / (xMax - xMin) * w;
    }

    /** Pixel row of a data value; not finite for y ≤ 0 on a log axis. */
    double py(double y) {
        double v = logY ? Math.log10(y) : y;
        return y0 + h - (v - yMin) / (yMax - yMin) * h;
    }

    void paintBackground(GraphicsContext g, double width, double height, String title) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(TITLE);
        g.setFill(Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 8, 5);
        paintGrid(g);
    }

    private void paintGrid(GraphicsContext g) {
        g.setFont(SMALL);
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        if (logY) {
            // One tick per decade, thinned so labels don't overlap.
            int every = (int) Math.max(1, Math.ceil((yMax - yMin) / Math.max(2, h / 24)));
            for (double k = Math.ceil(yMin); k <= yMax; k += every) {
                yTick(g, Math.pow(10, k), Math.pow(10, k));
            }
        } else {
            double yStep = Ticks.step(yMin, yMax, Math.max(2, (int) (h / 28)));
            for (double y = Math.ceil(yMin / yStep) * yStep; y <= yMax + yStep * 1e-9; y += yStep) {
                yTick(g, Math.abs(y) < yStep * 1e-9 ? 0 : y, yStep);
            }
        }
        double xStep = Ticks.step(xMin, xMax, Math.max(2, (int) (w / 70)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double x = Math.ceil(xMin / xStep) * xStep; x <= xMax + xStep * 1e-9; x += xStep) {
            double p = Math.round(px(x)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(p, y0, p, y0 + h);
            g.setFill(AXIS_TEXT);
            g.fillText(Ticks.label(x, xStep), p, y0 + h + 3);
        }
        g.setStroke(Color.web("#b8bec6"));
        g.strokeRect(x0 + 0.5, y0 + 0.5, w - 1, h - 1);
    }

    private void yTick(GraphicsContext g, double y, double step) {
        double p = Math.round(py(y)) + 0.5;
        g.setStroke(GRID);
        g.strokeLine(x0, p, x0 + w, p);
        g.setFill(AXIS_TEXT);
        g.fillText(Ticks.label(y, step), x0 - 4, p);
    }

    /** Legend entries in a row under the title, so long titles and legends never collide. */
    void paintLegend(GraphicsContext g, List<String> names, List<Color> colors) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double left = 10;
        for (int i = 0; i < names.size(); i++) {
            g.setFill(colors.get(i));
            g.fillRect(left, 22, 12, 4);
            g.setFill(AXIS_TEXT);
            g.fillText(names.get(i), left + 16, 24);
            left += textWidth(names.get(i)) + 30;
        }
    }

    private static double textWidth(String s) {
        // Legend names are a fixed handful: measure each once.
        return TEXT_WIDTHS.computeIfAbsent(s, k -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(k);
            t.setFont(SMALL);
            return t.getLayoutBounds().getWidth();
        });
    }
}
