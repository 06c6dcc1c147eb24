package org.a2clab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.Heatmap;
import org.a2clab.ui.canvas.CanvasPane;

/**
 * One heatmap over (θ, θ̇): θ left to right, θ̇ bottom to top (labelled dθ/dt: fonts lack θ̇), a colour legend on the right,
 * and the current frame's (θ, θ̇) marked with a ring.
 */
final class HeatmapPane extends CanvasPane {
    /**
     * Which quantity a pane shows. PROB_RIGHT shows μ(s) instead for a Gaussian network, the
     * actor's own output; STD shows σ(s) and stays empty for a categorical one.
     */
    enum Quantity { PROB_RIGHT, VALUE, STD }

    private static final double LEFT = 40;
    private static final double BOTTOM = 28;
    private static final double LEGEND = 58;

    private final InspectorViewModel model;
    private final Quantity quantity;
    /** The cells as coloured for {@link #cellsOf} and {@link #cellsScale}: a new frame only moves the ring. */
    private WritableImage cells;
    private Heatmap cellsOf;
    private ValueScale cellsScale;
    private int cellBuilds;

    HeatmapPane(InspectorViewModel model, Quantity quantity) {
        super(250, 190);
        this.model = model;
        this.quantity = quantity;
        model.heatmaps().heatmapProperty().addListener((obs, old, map) -> redraw());
        model.currentFrameProperty().addListener((obs, old, f) -> redraw());
        model.networkAvailableProperty().addListener((obs, old, available) -> redraw());
    }

    private static final Color PUSH_LEFT = Color.web("#1c7ed6");
    private static final Color PUSH_RIGHT = Color.web("#e03131");
    /** Parsed once: every heatmap cell is coloured through these. */
    private static final Color[] VALUE_STOPS = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
            Color.web("#5ec962"), Color.web("#fde725")};

    /** π(right): blue (push left) through white (undecided) to red (push right). */
    static Color probColour(double p) {
        double q = Math.max(0, Math.min(1, p));
        return q < 0.5 ? PUSH_LEFT.interpolate(Color.WHITE, q * 2)
                : Color.WHITE.interpolate(PUSH_RIGHT, (q - 0.5) * 2);
    }

    /** V(s): dark violet (low) to yellow (high), a viridis-like ramp. */
    static Color valueColour(double u) {
        double q = Math.max(0, Math.min(1, u));
        Color[] stops = VALUE_STOPS;
        double pos = q * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) pos);
        return stops[i].interpolate(stops[i + 1], pos - i);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        Heatmap map = model.heatmaps().heatmapProperty().get();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFill(Color.web("#343a40"));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        ValueScale shown = model.heatmaps().valueScaleProperty().get();
        Colouring colouring = Colouring.of(quantity, map, shown);
        g.fillText(colouring.title(), LEFT, 0);
        double top = 16;
        double plotW = w - LEFT - LEGEND;
        double plotH = h - top - BOTTOM;
        if (map == null || plotW <= 0 || plotH <= 0) {
            g.fillText(model.networkAvailableProperty().get() ? "computing…"
                    : "no network yet: press Train or open a model", LEFT, top + 4);
            return;
        }

        g.setImageSmoothing(false);
        g.drawImage(cells(map, shown, colouring), LEFT, top, plotW, plotH);
        g.setStroke(Color.web("#adb5bd"));
        g.setLineWidth(1);
        g.strokeRect(LEFT, top, plotW, plotH);

        // axes
        g.setFill(Color.web("#495057"));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(String.format("θ  (−12° … 12°)   x = %.2f, ẋ = %.2f", map.x(), map.xDot()),
                LEFT + plotW / 2, top + plotH + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format("%+.0f", Heatmap.THETA_DOT_RANGE), LEFT - 3, top + 6);
        g.fillText("dθ/dt", LEFT - 3, top + plotH / 2);
        g.fillText(String.format("%+.0f", -Heatmap.THETA_DOT_RANGE), LEFT - 3, top + plotH - 6);

        // legend
        double lx = LEFT + plotW + 8;
        for (int k = 0; k < (int) plotH; k++) {
            double u = 1 - k / plotH;
            g.setFill(colouring.legend(u));
            g.fillRect(lx, top + k, 10, 1);
        }
        g.setFill(Color.web("#495057"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(colouring.hiLabel(), lx + 12, top + 5);
        g.fillText(colouring.loLabel(), lx + 12, top + plotH - 5);

        // the current frame's (θ, θ̇), clamped to the border when outside the grid
        EpisodeFrame f = model.currentFrame();
        if (f != null) {
            double u = (f.state()[2] + Heatmap.THETA_RANGE) / (2 * Heatmap.THETA_RANGE);
            double v = (f.state()[3] + Heatmap.THETA_DOT_RANGE) / (2 * Heatmap.THETA_DOT_RANGE);
            double mx = LEFT + plotW * Math.max(0, Math.min(1, u));
            double my = top + plotH * (1 - Math.max(0, Math.min(1, v)));
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(mx - 5, my - 5, 10, 10);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeOval(mx - 7, my - 7, 14, 14);
        }
    }

    /** The map's cells as an image, coloured again only for a new map or colour scale. */
    private WritableImage cells(Heatmap map, ValueScale scale, Colouring colouring) {
        if (map == cellsOf && java.util.Objects.equals(scale, cellsScale)) {
            return cells;
        }
        WritableImage image = new WritableImage(map.columns(), map.rows());
        PixelWriter px = image.getPixelWriter();
        for (int j = 0; j < map.rows(); j++) {
            for (int i = 0; i < map.columns(); i++) {
                px.setColor(i, map.rows() - 1 - j, colouring.colour(map, i, j)); // θ̇ grows upwards
            }
        }
        cells = image;
        cellsOf = map;
        cellsScale = scale;
        cellBuilds++;
        return image;
    }

    /** How many times the cells were coloured (for tests). */
    int cellBuilds() {
        return cellBuilds;
    }

    static String formatLegend(double v) {
        return Math.abs(v) >= 10 ? String.format("%.0f", v) : String.format("%.2f", v);
    }
}
