package org.a2clab.ui.charts;

import org.a2clab.ui.canvas.CanvasPane;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A histogram of the values in a few arrays (e.g. the advantages of the last rollouts), symmetric around 0. */
public final class HistogramPlot extends CanvasPane {
    private static final int BINS = 41;
    private final String title;
    private final Color color;

    public HistogramPlot(String title, Color color) {
        this.title = title;
        javafx.scene.control.Tooltip.install(this, new javafx.scene.control.Tooltip(title));
        this.color = color;
        getStyleClass().add("plot");
    }

    public void paint(List<float[]> samples) {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (width < 1 || height < 1) {
            return;
        }
        double extent = 0;
        for (float[] s : samples) {
            for (float v : s) {
                if (Float.isFinite(v)) {
                    extent = Math.max(extent, Math.abs(v));
                }
            }
        }
        extent = extent > 0 ? extent : 1;
        int[] counts = new int[BINS];
        int total = 0;
        for (float[] s : samples) {
            for (float v : s) {
                if (Float.isFinite(v)) {
                    int bin = (int) Math.floor((v + extent) / (2 * extent) * BINS);
                    counts[Math.max(0, Math.min(BINS - 1, bin))]++;
                    total++;
                }
            }
        }
        double maxShare = 0;
        for (int c : counts) {
            maxShare = Math.max(maxShare, total == 0 ? 0 : (double) c / total);
        }
        String legend = "share of samples, " + samples.size() + " rollouts";
        PlotFrame f = new PlotFrame(width, height, -extent, extent, 0, maxShare > 0 ? maxShare * 1.1 : 1,
                List.of(legend));
        GraphicsContext g = canvas.getGraphicsContext2D();
        f.paintBackground(g, width, height, title);
        g.setFill(color.deriveColor(0, 1, 1, 0.75));
        double binWidth = 2 * extent / BINS;
        for (int i = 0; i < BINS; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double left = f.px(-extent + i * binWidth);
            double right = f.px(-extent + (i + 1) * binWidth);
            double top = f.py((double) counts[i] / total);
            g.fillRect(left + 0.5, top, Math.max(1, right - left - 1), f.y0 + f.h - top);
        }
        g.setStroke(Color.web("#1f2328"));
        g.setLineWidth(1);
        double zero = Math.round(f.px(0)) + 0.5;
        g.strokeLine(zero, f.y0, zero, f.y0 + f.h);
        f.paintLegend(g, List.of(legend), List.of(color));
    }
}
