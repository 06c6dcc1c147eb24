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
    /** Narrow plots shrink a long title to this size before shortening it with "…". */
    static final Font TITLE_NARROW = Font.font("System", javafx.scene.text.FontWeight.BOLD, 10);
    private static final double LEGEND_ROW = 12;
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
    private final double width;

    PlotFrame(double width, double height, double xMin, double xMax, double yMin, double yMax, List<String> legend) {
        this(width, height, xMin, xMax, yMin, yMax, false, legend);
    }

    /**
     * With {@code logY}, yMin and yMax are log10 of the data range. The plot starts below the
     * {@code legend}, which wraps onto as many rows as the width needs.
     */
    PlotFrame(double width, double height, double xMin, double xMax, double yMin, double yMax, boolean logY,
            List<String> legend) {
        this.logY = logY;
        this.width = width;
        this.x0 = LEFT;
        this.y0 = TOP + (legendRows(width, legend) - 1) * LEGEND_ROW;
        this.w = Math.max(1, width - LEFT - RIGHT);
        this.h = Math.max(1, height - y0 - BOTTOM);
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
        g.setFill(Color.web("#1f2328"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // Never cut at the edge: a smaller font first, then "…" (the plot's tooltip has it whole).
        double room = width - 16;
        Font font = textWidth(title, TITLE) <= room ? TITLE : TITLE_NARROW;
        g.setFont(font);
        g.fillText(fit(title, font, room), 8, 5);
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
            String label = Ticks.label(x, xStep);
            // the last label moves left rather than run off the canvas ("1000" not "100(")
            double half = textWidth(label, SMALL) / 2;
            g.fillText(label, Math.min(p, width - 2 - half), y0 + h + 3);
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

    /**
     * Legend entries in rows under the title, so long titles and legends never collide; an
     * entry that does not fit the row starts the next one.
     */
    void paintLegend(GraphicsContext g, List<String> names, List<Color> colors) {
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double left = 10;
        double row = 0;
        for (int i = 0; i < names.size(); i++) {
            double entry = legendEntryWidth(names.get(i));
            if (left > 10 && left + entry - 14 > width) {
                left = 10;
                row += LEGEND_ROW;
            }
            g.setFill(colors.get(i));
            g.fillRect(left, 22 + row, 12, 4);
            g.setFill(AXIS_TEXT);
            g.fillText(fit(names.get(i), SMALL, width - left - 20), left + 16, 24 + row);
            left += entry;
        }
    }

    /** How many legend rows {@link #paintLegend} needs at this width (at least one). */
    static int legendRows(double width, List<String> names) {
        int rows = 1;
        double left = 10;
        for (String name : names) {
            double entry = legendEntryWidth(name);
            if (left > 10 && left + entry - 14 > width) {
                left = 10;
                rows++;
            }
            left += entry;
        }
        return rows;
    }

    private static double legendEntryWidth(String name) {
        return textWidth(name, SMALL) + 30;
    }

    /** {@code s}, shortened with "…" until it fits {@code room} pixels. */
    static String fit(String s, Font font, double room) {
        if (textWidth(s, font) <= room) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String shorter = s.substring(0, n).stripTrailing() + "…";
            if (textWidth(shorter, font) <= room) {
                return shorter;
            }
        }
        return "…";
    }

    static double textWidth(String s, Font font) {
        // Titles, legend names and tick labels are a bounded set: measure each once.
        return TEXT_WIDTHS.computeIfAbsent(font.getSize() + (font.getStyle()) + "|" + s, k -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(s);
            t.setFont(font);
            return t.getLayoutBounds().getWidth();
        });
    }
}
