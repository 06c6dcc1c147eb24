package org.a2clab.ui.inspector;

import org.a2clab.render.Rounded;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.ui.canvas.CanvasPane;

/**
 * The whole episode over time: V(s) and the advantage on the upper panel (one shared scale, so
 * A = R − V reads against V), π(right) (for a Gaussian policy P(a > 0) = Φ(μ/σ)) and the reward
 * on the lower panel (0 to 1). Pushed frames
 * are marked in orange; the cursor is the current frame; clicking or dragging seeks.
 */
final class TimelineCanvas extends CanvasPane {
    static final Color VALUE = Color.web("#1971c2");
    static final Color ADVANTAGE = Color.web("#e8590c");
    static final Color PROB_RIGHT = Color.web("#2f9e44");
    static final Color REWARD = Color.web("#ae3ec9");
    private static final double LEFT = 46;
    private static final double RIGHT = 10;

    private final InspectorViewModel model;

    TimelineCanvas(InspectorViewModel model) {
        super(520, 200);
        this.model = model;
        model.selectedEpisodeProperty().addListener((obs, old, e) -> redraw());
        model.frameIndexProperty().addListener((obs, old, t) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> seek(e.getX()));
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> seek(e.getX()));
    }

    private void seek(double px) {
        RecordedEpisode e = model.selectedEpisodeProperty().get();
        if (e != null && e.length() > 0) {
            model.seek((int) Math.round(frameAt(px, e.length())));
        }
    }

    private double frameAt(double px, int length) {
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        return (px - LEFT) / plotW * Math.max(1, length - 1);
    }

    private double xOf(int t, int length) {
        double plotW = canvas.getWidth() - LEFT - RIGHT;
        return LEFT + plotW * t / Math.max(1, length - 1);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        RecordedEpisode e = model.selectedEpisodeProperty().get();
        if (e == null || e.length() == 0) {
            return;
        }
        double legendH = 18;
        double gap = 8;
        double upperTop = legendH;
        double upperH = (h - legendH - gap - 14) * 0.62;
        double lowerTop = upperTop + upperH + gap;
        double lowerH = h - lowerTop - 14;

        double lo = 0;
        double hi = 1;
        for (EpisodeFrame f : e.frames()) {
            lo = Math.min(lo, Math.min(f.value(), f.advantage()));
            hi = Math.max(hi, Math.max(f.value(), f.advantage()));
        }
        panel(g, w, upperTop, upperH, lo, hi);
        panel(g, w, lowerTop, lowerH, 0, 1);
        for (EpisodeFrame f : e.frames()) {
            if (f.perturbed()) {
                g.setStroke(Color.web("#e8590c", 0.35));
                g.setLineWidth(3);
                double px = xOf(f.t(), e.length());
                g.strokeLine(px, upperTop, px, lowerTop + lowerH);
            }
        }
        series(g, e, f -> f.value(), VALUE, upperTop, upperH, lo, hi);
        series(g, e, EpisodeFrame::advantage, ADVANTAGE, upperTop, upperH, lo, hi);
        series(g, e, f -> f.probRight(), PROB_RIGHT, lowerTop, lowerH, 0, 1);
        series(g, e, f -> f.reward(), REWARD, lowerTop, lowerH, 0, 1);

        double cursor = xOf(model.frameIndexProperty().get(), e.length());
        g.setStroke(Color.web("#212529"));
        g.setLineWidth(1.5);
        g.strokeLine(cursor, upperTop, cursor, lowerTop + lowerH);

        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        double lx = LEFT;
        // four equal slots across the plot's width: a narrow pane squeezes the names, never cuts them off
        double slot = Math.min(110, (w - LEFT - RIGHT) / 4);
        for (Object[] item : new Object[][] {{"V(s)", VALUE}, {"advantage A", ADVANTAGE},
                {e.policy().distribution().probRightName(), PROB_RIGHT}, {"reward r", REWARD}}) {
            g.setFill((Color) item[1]);
            g.fillRect(lx, 5, 14, 3);
            g.setFill(Color.web("#343a40"));
            g.fillText((String) item[0], lx + 18, 1, Math.max(10, slot - 22));
            lx += slot;
        }
        g.setFill(Color.web("#868e96"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("t = " + (e.length() - 1), w - RIGHT, h - 13);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("t = 0", LEFT, h - 13);
    }

    private void panel(GraphicsContext g, double w, double top, double height, double lo, double hi) {
        g.setStroke(Color.web("#dee2e6"));
        g.setLineWidth(1);
        g.strokeRect(LEFT, top, w - LEFT - RIGHT, height);
        g.setFill(Color.web("#868e96"));
        g.setTextAlign(TextAlignment.RIGHT);
        // hi hangs from the panel's top, lo stands on its bottom: the two panels' labels never meet
        g.setTextBaseline(VPos.TOP);
        g.fillText(format(hi), LEFT - 4, top);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(format(lo), LEFT - 4, top + height);
        if (lo < 0 && hi > 0) {
            double zero = top + height * (hi / (hi - lo));
            g.strokeLine(LEFT, zero, w - RIGHT, zero);
            if (zero - top > 18 && top + height - zero > 18) {
                g.setTextBaseline(VPos.CENTER);
                g.fillText("0", LEFT - 4, zero);
            }
        }
    }

    private static String format(double v) {
        return Rounded.format(Math.abs(v) >= 10 ? "%.0f" : "%.1f", v);
    }

    private void series(GraphicsContext g, RecordedEpisode e, ToDoubleFunction<EpisodeFrame> y,
            Color color, double top, double height, double lo, double hi) {
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        for (EpisodeFrame f : e.frames()) {
            double py = top + height * (hi - y.applyAsDouble(f)) / (hi - lo);
            double px = xOf(f.t(), e.length());
            if (f.t() == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }
}
