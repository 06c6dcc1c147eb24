package org.a2clab.ui.render;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.a2clab.env.CartPole;
import org.a2clab.train.WorkerFrame;

/**
 * Draws one CartPole state to scale in metres: the ±2.4 m track and its limits, the cart, the
 * pole (length 2 × 0.5 m) at its true angle inside the ±12° wedge, and the pushed force as an
 * arrow whose length is the probability the policy gave that push.
 */
final class CartPolePainter {
    private static final double HALF_VIEW_M = CartPole.X_THRESHOLD + 0.5;
    private static final double POLE_M = 2 * CartPole.LENGTH;
    private static final double CART_W_M = 0.4;
    private static final double CART_H_M = 0.24;
    private static final Color TRACK = Color.web("#3b4148");
    private static final Color LIMIT = Color.web("#d1495b");
    private static final Color CART = Color.web("#2f3e4e");
    private static final Color POLE = Color.web("#c8963e");
    private static final Color RIGHT = Color.web("#f28e2b");
    private static final Color LEFT = Color.web("#4e79a7");
    private static final Color TERMINATED = Color.web("#d1495b");
    private static final Color TRUNCATED = Color.web("#2e7d32");
    private static final Font INFO = Font.font("System", 11);
    private static final Font BANNER = Font.font("System", FontWeight.BOLD, 15);

    void paint(GraphicsContext g, double width, double height, WorkerFrame frame, Flash flash) {
        g.setFill(Color.web("#fbfcfd"));
        g.fillRect(0, 0, width, height);
        double scale = Math.min(width / (2 * HALF_VIEW_M), (height - 40) / (POLE_M + CART_H_M + 0.55));
        double cx = width / 2;
        double trackY = height - 44;
        paintTrack(g, cx, trackY, scale);
        if (frame == null) {
            label(g, "waiting for the first steps…", cx, trackY - POLE_M * scale / 2, TextAlignment.CENTER);
            return;
        }
        double x = frame.state()[0];
        double theta = frame.state()[2];
        double cartX = cx + x * scale;
        double cartTop = trackY - CART_H_M * scale;
        paintWedge(g, cartX, cartTop, scale);
        paintForce(g, frame, cartX, cartTop + CART_H_M * scale / 2, scale);
        g.setFill(CART);
        g.fillRoundRect(cartX - CART_W_M * scale / 2, cartTop, CART_W_M * scale, CART_H_M * scale, 6, 6);
        // θ is measured from upright, positive clockwise (to the right), as in Gymnasium.
        double tipX = cartX + Math.sin(theta) * POLE_M * scale;
        double tipY = cartTop - Math.cos(theta) * POLE_M * scale;
        g.setStroke(POLE);
        g.setLineWidth(Math.max(3, 0.06 * scale));
        g.setLineCap(javafx.scene.shape.StrokeLineCap.ROUND);
        g.strokeLine(cartX, cartTop, tipX, tipY);
        g.setFill(Color.web("#7a5a22"));
        g.fillOval(cartX - 4, cartTop - 4, 8, 8);
        paintInfo(g, frame, x, theta);
        paintFlash(g, width, height, flash);
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
    private static void paintForce(GraphicsContext g, WorkerFrame f, double cartX, double y, double scale) {
        int dir = f.action() == 1 ? 1 : -1;
        double p = f.action() == 1 ? f.probRight() : 1 - f.probRight();
        double to = cartX - dir * CART_W_M * scale / 2;
        double from = to - dir * (0.15 + 0.55 * p) * scale;
        Color color = dir > 0 ? RIGHT : LEFT;
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(4);
        g.strokeLine(from, y, to - dir * 8, y);
        g.fillPolygon(new double[] {to, to - dir * 12, to - dir * 12}, new double[] {y, y - 7, y + 7}, 3);
        g.setFont(INFO);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "π(%s) %.2f", dir > 0 ? "right" : "left", p), (from + to) / 2, y - 9);
    }

    private static void paintInfo(GraphicsContext g, WorkerFrame f, double x, double theta) {
        g.setFont(INFO);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#1f2328"));
        g.fillText(String.format(Locale.ROOT,
                "worker 0 · step %d · x %+.2f m · θ %+.1f° · π(right) %.2f · V(s) %.1f",
                f.episodeStep(), x, Math.toDegrees(theta), f.probRight(), f.value()), 10, 8);
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
        g.fillText(flash == Flash.TERMINATED ? "terminated: pole fell or cart left the track"
                : "truncated: 500-step limit reached (bootstrapped, not a failure)", width - 12, 8 + 14);
    }

    private static void label(GraphicsContext g, String text, double x, double y, TextAlignment align) {
        g.setFont(INFO);
        g.setFill(Color.web("#6b7380"));
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }
}
