package org.a2clab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.TextAlignment;
import org.a2clab.env.CartPole;
import org.a2clab.inspect.EpisodeFrame;

/**
 * Draws one frame's cart-pole: the ±2.4 m track, the cart, the pole at θ, the ±12° wedge in
 * which the episode survives, and the force the agent chose. The one renderer behind both the
 * inspector's live canvas and the exported PNG frames, so an exported frame looks as on screen.
 */
final class CartPoleDrawing {
    private static final double VIEW_HALF_WIDTH_M = 3.0;
    private static final double CART_WIDTH_M = 0.5;
    private static final double CART_HEIGHT_M = 0.3;
    private static final double POLE_LENGTH_M = 2 * CartPole.LENGTH;
    static final Color PUSH = Color.web("#e8590c");

    private CartPoleDrawing() {
    }

    private static double scale(double w) {
        return w / (2 * VIEW_HALF_WIDTH_M);
    }

    private static double trackY(double h) {
        return h * 0.78;
    }

    /** The cart's top edge in a {@code w}×{@code h} drawing: above it is the pole. */
    static double cartTop(double w, double h) {
        return trackY(h) - CART_HEIGHT_M * scale(w);
    }

    /** Paints the whole {@code w}×{@code h} area; {@code f} null shows a hint to record one. */
    static void draw(GraphicsContext g, double w, double h, EpisodeFrame f) {
        double s = scale(w);
        double cx = w / 2;
        double trackY = trackY(h);
        g.setFill(Color.web("#f8f9fa"));
        g.fillRect(0, 0, w, h);
        // track and its ±2.4 m limits
        g.setStroke(Color.web("#495057"));
        g.setLineWidth(2);
        g.strokeLine(cx - CartPole.X_THRESHOLD * s, trackY, cx + CartPole.X_THRESHOLD * s, trackY);
        g.setStroke(Color.web("#c92a2a"));
        for (double limit : new double[] {-CartPole.X_THRESHOLD, CartPole.X_THRESHOLD}) {
            g.strokeLine(cx + limit * s, trackY - 8, cx + limit * s, trackY + 8);
        }
        if (f == null) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Record an episode to inspect it", cx, h / 2);
            return;
        }
        double x = f.state()[0];
        double theta = f.state()[2];
        double cartX = cx + x * s;
        double cartTop = cartTop(w, h);
        // 12° wedge: outside it the episode terminates
        double wedge = POLE_LENGTH_M * s;
        g.setFill(Color.web("#d3f9d8", 0.6));
        g.fillArc(cartX - wedge, cartTop - wedge, 2 * wedge, 2 * wedge,
                90 - Math.toDegrees(CartPole.THETA_THRESHOLD), 2 * Math.toDegrees(CartPole.THETA_THRESHOLD),
                ArcType.ROUND);
        // cart
        g.setFill(Color.web("#343a40"));
        g.fillRect(cartX - CART_WIDTH_M * s / 2, cartTop, CART_WIDTH_M * s, CART_HEIGHT_M * s);
        // pole: θ > 0 leans right
        double tipX = cartX + Math.sin(theta) * POLE_LENGTH_M * s;
        double tipY = cartTop - Math.cos(theta) * POLE_LENGTH_M * s;
        g.setStroke(f.terminated() ? Color.web("#c92a2a") : Color.web("#1971c2"));
        g.setLineWidth(Math.max(4, 0.06 * s));
        g.strokeLine(cartX, cartTop, tipX, tipY);
        g.setFill(Color.web("#868e96"));
        g.fillOval(cartX - 4, cartTop - 4, 8, 8);
        // the force the agent chose
        double dir = f.action() == 1 ? 1 : -1;
        double ay = cartTop + CART_HEIGHT_M * s / 2;
        double ax = cartX - dir * (CART_WIDTH_M * s / 2 + 6);
        g.setStroke(Color.web("#2f9e44"));
        g.setLineWidth(3);
        g.strokeLine(ax - dir * 30, ay, ax, ay);
        g.strokeLine(ax, ay, ax - dir * 8, ay - 6);
        g.strokeLine(ax, ay, ax - dir * 8, ay + 6);
        g.setFill(Color.web("#212529"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format("t = %d   action: push %s", f.t(), f.action() == 1 ? "right →" : "← left"), 8, 8);
        if (f.perturbed()) {
            g.setFill(PUSH);
            g.fillText("pushed by you just before this step", 8, 26);
        }
    }
}
