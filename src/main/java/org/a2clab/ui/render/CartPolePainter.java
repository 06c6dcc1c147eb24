package org.a2clab.ui.render;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.shape.StrokeLineCap;
import org.a2clab.env.CartPole;

/**
 * Draws one CartPole state to scale in metres: the ±2.4 m track and its limits, the cart, the
 * pole (length 2 × 0.5 m) at its true angle inside the ±12° wedge, and the pushed force as an
 * arrow whose length is the probability the policy gave that push. The one cart-pole renderer:
 * the training canvas, the inspector's canvas and its exported PNG frames all paint with it.
 */
public final class CartPolePainter {
    private static final double HALF_VIEW_M = CartPole.X_THRESHOLD + 0.5;
    private static final double POLE_M = 2 * CartPole.LENGTH;
    private static final double CART_W_M = 0.4;
    private static final double CART_H_M = 0.24;
    private static final Color TRACK = Color.web("#3b4148");
    private static final Color LIMIT = Color.web("#d1495b");
    private static final Color CART = Color.web("#2f3e4e");
    private static final Color POLE = Color.web("#c8963e");
    private static final Color FALLEN_POLE = Color.web("#d1495b");
    private static final Color RIGHT = Color.web("#f28e2b");
    private static final Color LEFT = Color.web("#4e79a7");
    private static final Color TERMINATED = Color.web("#d1495b");
    private static final Color TRUNCATED = Color.web("#2e7d32");
    private static final Font INFO = Font.font("System", 11);
    private static final Font BANNER = Font.font("System", FontWeight.BOLD, 15);

    private CartPolePainter() {
    }

    private static double scale(double width, double height) {
        return Math.min(width / (2 * HALF_VIEW_M), (height - 40) / (POLE_M + CART_H_M + 0.55));
    }

    private static double trackY(double height) {
        return height - 44;
    }

    /** The cart's top edge in a {@code width}×{@code height} drawing: above it is the pole. */
    public static double cartTop(double width, double height) {
        return trackY(height) - CART_H_M * scale(width, height);
    }

    /**
     * Paints the empty track with {@code message} where the cart-pole would be. Leaves {@code g}'s
     * settings as it found them, like {@link #paint}.
     */
    public static void paintEmpty(GraphicsContext g, double width, double height, String message) {
        g.save();
        double scale = paintBackground(g, width, height);
        label(g, message, width / 2, trackY(height) - POLE_M * scale / 2, TextAlignment.CENTER);
        g.restore();
    }

    /**
     * Paints the whole {@code width}×{@code height} area with {@code scene}, leaving {@code g}'s
     * settings as it found them, so callers can draw overlays on top.
     */
    public static void paint(GraphicsContext g, double width, double height, CartPoleScene scene) {
        g.save();
        paintScene(g, width, height, scene);
        g.restore();
    }

    private static void paintScene(GraphicsContext g, double width, double height, CartPoleScene scene) {
        double scale = paintBackground(g, width, height);
        double[] state = scene.state();
        double theta = state[2];
        double cartX = width / 2 + state[0] * scale;
        double cartTop = cartTop(width, height);
        paintWedge(g, cartX, cartTop, scale);
        paintForce(g, scene, cartX, cartTop + CART_H_M * scale / 2, scale);
        g.setFill(CART);
        g.fillRoundRect(cartX - CART_W_M * scale / 2, cartTop, CART_W_M * scale, CART_H_M * scale, 6, 6);
        // θ is measured from upright, positive clockwise (to the right), as in Gymnasium.
        double tipX = cartX + Math.sin(theta) * POLE_M * scale;
        double tipY = cartTop - Math.cos(theta) * POLE_M * scale;
        g.setStroke(scene.fallen() ? FALLEN_POLE : POLE);
        g.setLineWidth(Math.max(3, 0.06 * scale));
        g.setLineCap(StrokeLineCap.ROUND);
        g.strokeLine(cartX, cartTop, tipX, tipY);
        g.setFill(Color.web("#7a5a22"));
        g.fillOval(cartX - 4, cartTop - 4, 8, 8);
        paintCaption(g, scene.caption(), width);
        paintFlash(g, width, height, scene.flash());
    }

    /** Background and track; returns the scale in pixels per metre. */
    private static double paintBackground(GraphicsContext g, double width, double height) {
        g.setFill(Color.web("#fbfcfd"));
        g.fillRect(0, 0, width, height);
        double scale = scale(width, height);
        paintTrack(g, width / 2, trackY(height), scale);
        return scale;
    }

    private static void paintTrack(GraphicsContext g, double cx, double trackY, double scale) {
        g.setStroke(TRACK);
        g.setLineWidth(2);
        g.strokeLine(cx - HALF_VIEW_M * scale, trackY, cx + HALF_VIEW_M * scale, trackY);
        g.setFont(INFO);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setLineWidth(1);
        for (int m = -2; m <= 2; m++) {
            double px = cx + m * scale;
            g.setStroke(TRACK);
            g.strokeLine(px, trackY, px, trackY + 5);
            g.setFill(Color.web("#6b7380"));
            g.fillText(m + " m", px, trackY + 7);
        }
        g.setStroke(LIMIT);
        g.setLineWidth(3);
        for (int side = -1; side <= 1; side += 2) {
            double px = cx + side * CartPole.X_THRESHOLD * scale;
            g.strokeLine(px, trackY - 28, px, trackY + 4);
        }
        g.setFill(LIMIT);
        g.fillText("−2.4 m", cx - CartPole.X_THRESHOLD * scale, trackY + 22);
        g.fillText("+2.4 m", cx + CartPole.X_THRESHOLD * scale, trackY + 22);
    }

    /** The ±12° sector the pole must stay inside. */
    private static void paintWedge(GraphicsContext g, double px, double py, double scale) {
        double r = POLE_M * scale * 1.08;
        double deg = Math.toDegrees(CartPole.THETA_THRESHOLD);
        g.setFill(Color.web("#59a14f", 0.12));
        g.fillArc(px - r, py - r, 2 * r, 2 * r, 90 - deg, 2 * deg, ArcType.ROUND);
        g.setStroke(Color.web("#d1495b", 0.55));
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        for (int side = -1; side <= 1; side += 2) {
            double a = side * CartPole.THETA_THRESHOLD;
            g.strokeLine(px, py, px + Math.sin(a) * r, py - Math.cos(a) * r);
        }
        g.setLineDashes(null);
    }

    /** Arrow pushing the cart from the side opposite the force; its length is π of the action taken. */
    private static void paintForce(GraphicsContext g, CartPoleScene scene, double cartX, double y, double scale) {
        int dir = scene.action() == 1 ? 1 : -1;
        double p = scene.actionProb();
        double to = cartX - dir * CART_W_M * scale / 2;
        double from = to - dir * (0.15 + 0.55 * p) * scale;
        Color color = dir > 0 ? RIGHT : LEFT;
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(4);
        g.strokeLine(from, y, to - dir * 8, y);
        g.fillPolygon(new double[] {to, to - dir * 12, to - dir * 12}, new double[] {y, y - 7, y + 7}, 3);
        // The label sits under the caption, away from the pole and the ±2.4 m limits.
        g.setFont(INFO);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "push %s · arrow length π(%s) = %.2f",
                dir > 0 ? "right →" : "← left", dir > 0 ? "right" : "left", p), 10, 8 + 15);
    }

    private static void paintCaption(GraphicsContext g, String caption, double width) {
        g.setFont(INFO);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#1f2328"));
        g.fillText(caption, 10, 8, Math.max(40, width - 20));
    }

    private static void paintFlash(GraphicsContext g, double width, double height, Flash flash) {
        if (flash == Flash.NONE) {
            return;
        }
        Color c = flash == Flash.TERMINATED ? TERMINATED : TRUNCATED;
        g.setStroke(c);
        g.setLineWidth(6);
        g.strokeRect(3, 3, width - 6, height - 6);
        g.setFill(c);
        g.setFont(BANNER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        // Two short lines under the caption, squeezed to the canvas width rather than cut.
        String[] lines = flash == Flash.TERMINATED
                ? new String[] {"terminated", "pole fell or cart left the track"}
                : new String[] {"truncated: 500-step limit", "bootstrapped, not a failure"};
        double room = Math.max(40, width - 24);
        g.fillText(lines[0], width - 12, 8 + 32, room);
        g.setFont(INFO);
        g.fillText(lines[1], width - 12, 8 + 50, room);
    }

    private static void label(GraphicsContext g, String text, double x, double y, TextAlignment align) {
        g.setFont(INFO);
        g.setFill(Color.web("#6b7380"));
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }
}
