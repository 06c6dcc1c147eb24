package org.a2clab.ui.inspector;

import org.a2clab.render.Rounded;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.StepView;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.ui.canvas.CanvasPane;

/**
 * The current Gaussian frame's policy drawn as a curve: the density of N(μ(s), σ(s)²) over a, the
 * clip range [−1, 1] shaded (outside it the force stays at ±10 N), μ dashed and the action a taken
 * as a solid line. Shown only for a frame whose distribution has a density (a Gaussian one).
 */
final class GaussianDensityPane extends CanvasPane {
    private static final double LEFT = 12;
    private static final double RIGHT = 12;
    private static final double TOP = 50;
    private static final double BOTTOM = 20;
    private static final Color CLIP = Color.web("#59a14f", 0.13);
    private static final Color CURVE = Color.web("#b07aa1");
    private static final Color CLIP_TEXT = Color.web("#2f7d32");
    private static final Color TEXT = Color.web("#343a40");
    private static final Color AXIS = Color.web("#868e96");
    private static final Color RIGHT_PUSH = Color.web("#f28e2b");
    private static final Color LEFT_PUSH = Color.web("#4e79a7");

    /** A Gaussian step's density; a categorical step has none to draw. */
    private static final StepView<GaussianDensity> DENSITY = new StepView<>() {
        @Override
        public GaussianDensity categorical(int action, float prob) {
            return null;
        }

        @Override
        public GaussianDensity gaussian(GaussianAction details) {
            return GaussianDensity.of(details);
        }
    };

    private final InspectorViewModel model;
    private GaussianDensity drawn;

    GaussianDensityPane(InspectorViewModel model) {
        super(300, 170);
        this.model = model;
        model.currentFrameProperty().addListener((obs, old, f) -> redraw());
        javafx.beans.binding.BooleanBinding shown = Bindings.createBooleanBinding(
                () -> densityOf(model.currentFrame()) != null, model.currentFrameProperty());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
    }

    /** The density a frame's policy is drawn as, or null: no frame, or a distribution without one. */
    private static GaussianDensity densityOf(EpisodeFrame f) {
        return f == null ? null : f.view(DENSITY);
    }

    /** The numbers of the last drawing; null before the first Gaussian frame. */
    GaussianDensity drawn() {
        return drawn;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        EpisodeFrame f = model.currentFrame();
        GaussianDensity d = densityOf(f);
        if (d == null || w <= LEFT + RIGHT || h <= TOP + BOTTOM) {
            return;
        }
        drawn = d;
        GaussianAction a = d.step();
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        double base = TOP + plotH;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v + d.half()) / (2 * d.half()) * plotW;

        g.setFill(CLIP);
        g.fillRect(px.applyAsDouble(-1), TOP, px.applyAsDouble(1) - px.applyAsDouble(-1), plotH);
        axis(g, d, px, base, w);

        // the curve, its top at 90% of the plot's height whatever σ is (the peak is printed)
        int n = (int) Math.max(2, plotW);
        double[] xs = new double[n + 2];
        double[] ys = new double[n + 2];
        for (int i = 0; i < n; i++) {
            double v = -d.half() + 2 * d.half() * i / (n - 1);
            xs[i] = px.applyAsDouble(v);
            ys[i] = base - 0.9 * plotH * d.density(v) / d.peak();
        }
        xs[n] = xs[n - 1];
        ys[n] = base;
        xs[n + 1] = xs[0];
        ys[n + 1] = base;
        g.setFill(CURVE.deriveColor(0, 1, 1, 0.25));
        g.fillPolygon(xs, ys, n + 2);
        g.setStroke(CURVE);
        g.setLineWidth(1.6);
        g.strokePolyline(xs, ys, n);

        double mx = px.applyAsDouble(Math.max(-d.half(), Math.min(d.half(), a.mean())));
        g.setStroke(CURVE);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeLine(mx, TOP, mx, base);
        g.setLineDashes();
        Color push = a.force() >= 0 ? RIGHT_PUSH : LEFT_PUSH;
        double ax = px.applyAsDouble(Math.max(-d.half(), Math.min(d.half(), a.action())));
        g.setStroke(push);
        g.setLineWidth(2.5);
        g.strokeLine(ax, TOP - 4, ax, base);

        g.setFill(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("π(a|s) = N(μ " + Rounded.format("%+.2f", a.mean()) + String.format(Locale.ROOT, ", σ %.2f²)   peak %.3g", a.std(), d.peak()), 6, 2);
        g.setFill(push);
        g.fillText("a = " + Rounded.format("%+.2f", a.action()) + " → " + Rounded.format("%+.1f N", a.force())
                + (a.clipped() ? " (clipped)" : ""), 6, 17);
        g.setFill(CLIP_TEXT);
        g.fillText(String.format(Locale.ROOT, "green band: clip range [−1, 1], P(−1 ≤ a ≤ 1) = %.2f", d.massInClipRange()),
                6, 32, Math.max(20, w - 12));
    }

    private static void axis(GraphicsContext g, GaussianDensity d, java.util.function.DoubleUnaryOperator px,
            double base, double w) {
        g.setStroke(AXIS);
        g.setLineWidth(1);
        g.strokeLine(LEFT, base, w - RIGHT, base);
        g.setFill(AXIS);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int step = (int) d.tickStep();
        for (int v = -step * (int) (d.half() / step); v <= d.half(); v += step) {
            double x = px.applyAsDouble(v);
            g.strokeLine(x, base, x, base + 3);
            g.fillText(v == 0 ? "a = 0" : String.format(Locale.ROOT, "%+d", v), x, base + 4);
        }
    }
}
