package org.a2clab.render;

import java.util.Locale;
import java.util.stream.Stream;
import org.a2clab.agent.GaussianAction;
import org.a2clab.env.CartPole;
import org.a2clab.render.Canvas2D.Baseline;
import org.a2clab.render.Canvas2D.LineCap;
import org.a2clab.render.Canvas2D.TextAlign;

/**
 * Draws one CartPole state to scale in metres: the ±2.4 m track and its limits, the cart, the
 * pole (length 2 × 0.5 m) at its true angle inside the ±12° wedge, and the pushed force as an
 * arrow whose length is the probability the policy gave that push, or, for a Gaussian policy,
 * proportional to the applied force (a sampled a beyond ±1 is drawn on, dashed, past the
 * arrow's tail: the part the clip cut off). The one cart-pole renderer:
 * the training canvas, the inspector's canvas, its exported frames and the CLI's GIFs all paint
 * with it, through {@link Canvas2D}.
 */
public final class CartPolePainter {
    private static final double HALF_VIEW_M = CartPole.X_THRESHOLD + 0.5;
    private static final double POLE_M = 2 * CartPole.LENGTH;
    private static final double CART_W_M = 0.4;
    private static final double CART_H_M = 0.24;
    private static final Colour TRACK = Colour.of(0x3b4148);
    private static final Colour LIMIT = Colour.of(0xd1495b);
    private static final Colour CART = Colour.of(0x2f3e4e);
    private static final Colour POLE = Colour.of(0xc8963e);
    private static final Colour FALLEN_POLE = Colour.of(0xd1495b);
    private static final Colour RIGHT = Colour.of(0xf28e2b);
    private static final Colour LEFT = Colour.of(0x4e79a7);
    private static final Colour TERMINATED = Colour.of(0xd1495b);
    private static final Colour TRUNCATED = Colour.of(0x2e7d32);
    private static final Colour BACKGROUND = Colour.of(0xfbfcfd);
    private static final Colour PIVOT = Colour.of(0x7a5a22);
    private static final Colour LABEL = Colour.of(0x6b7380);
    private static final Colour CAPTION = Colour.of(0x1f2328);
    private static final Colour WEDGE = Colour.of(0x59a14f).withOpacity(0.12);
    private static final Colour WEDGE_EDGE = Colour.of(0xd1495b).withOpacity(0.55);
    private static final double INFO = 11;
    /** Arrow length in metres of a full ±10 N push (the categorical arrow's longest). */
    private static final double FULL_FORCE_M = 0.7;
    private static final double BANNER = 15;

    private CartPolePainter() {
    }

    /** The background every picture starts from, as 0xRRGGBB: a GIF palette's first entry. */
    public static int background() {
        return BACKGROUND.rgb();
    }

    /** Every colour the painter draws with besides the background (0xRRGGBB), for a GIF palette. */
    public static int[] colours() {
        return Stream.of(TRACK, LIMIT, CART, POLE, FALLEN_POLE, RIGHT, LEFT, TERMINATED, TRUNCATED,
                PIVOT, LABEL, CAPTION, WEDGE, WEDGE_EDGE).mapToInt(Colour::rgb).distinct().toArray();
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
    public static void paintEmpty(Canvas2D g, double width, double height, String message) {
        g.save();
        double scale = paintBackground(g, width, height);
        label(g, message, width / 2, trackY(height) - POLE_M * scale / 2, TextAlign.CENTER);
        g.restore();
    }

    /**
     * Paints the whole {@code width}×{@code height} area with {@code scene}, leaving {@code g}'s
     * settings as it found them, so callers can draw overlays on top.
     */
    public static void paint(Canvas2D g, double width, double height, CartPoleScene scene) {
        g.save();
        paintScene(g, width, height, scene);
        g.restore();
    }

    private static void paintScene(Canvas2D g, double width, double height, CartPoleScene scene) {
        double scale = paintBackground(g, width, height);
        double[] state = scene.state();
        double theta = state[2];
        double cartX = width / 2 + state[0] * scale;
        double cartTop = cartTop(width, height);
        paintWedge(g, cartX, cartTop, scale);
        scene.push().paint(g, cartX, cartTop + CART_H_M * scale / 2, scale, width);
        g.setFill(CART);
        g.fillRoundRect(cartX - CART_W_M * scale / 2, cartTop, CART_W_M * scale, CART_H_M * scale, 6, 6);
        // θ is measured from upright, positive clockwise (to the right), as in Gymnasium.
        double tipX = cartX + Math.sin(theta) * POLE_M * scale;
        double tipY = cartTop - Math.cos(theta) * POLE_M * scale;
        g.setStroke(scene.fallen() ? FALLEN_POLE : POLE);
        g.setLineWidth(Math.max(3, 0.06 * scale));
        g.setLineCap(LineCap.ROUND);
        g.strokeLine(cartX, cartTop, tipX, tipY);
        g.setFill(PIVOT);
        g.fillOval(cartX - 4, cartTop - 4, 8, 8);
        paintCaption(g, scene.caption(), width);
        paintFlash(g, width, height, scene.flash());
    }

    /** Background and track; returns the scale in pixels per metre. */
    private static double paintBackground(Canvas2D g, double width, double height) {
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        double scale = scale(width, height);
        paintTrack(g, width / 2, trackY(height), scale);
        return scale;
    }

    private static void paintTrack(Canvas2D g, double cx, double trackY, double scale) {
        g.setStroke(TRACK);
        g.setLineWidth(2);
        g.strokeLine(cx - HALF_VIEW_M * scale, trackY, cx + HALF_VIEW_M * scale, trackY);
        g.setFont(INFO, false);
        g.setTextAlign(TextAlign.CENTER);
        g.setTextBaseline(Baseline.TOP);
        g.setLineWidth(1);
        for (int m = -2; m <= 2; m++) {
            double px = cx + m * scale;
            g.setStroke(TRACK);
            g.strokeLine(px, trackY, px, trackY + 5);
            g.setFill(LABEL);
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
    private static void paintWedge(Canvas2D g, double px, double py, double scale) {
        double r = POLE_M * scale * 1.08;
        double deg = Math.toDegrees(CartPole.THETA_THRESHOLD);
        g.setFill(WEDGE);
        g.fillArc(px - r, py - r, 2 * r, 2 * r, 90 - deg, 2 * deg);
        g.setStroke(WEDGE_EDGE);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        for (int side = -1; side <= 1; side += 2) {
            double a = side * CartPole.THETA_THRESHOLD;
            g.strokeLine(px, py, px + Math.sin(a) * r, py - Math.cos(a) * r);
        }
        g.setLineDashes();
    }

    /**
     * A categorical push: an arrow pushing the cart from the side opposite the force, its length
     * {@code p}, π of the action taken.
     */
    static void paintPush(Canvas2D g, int action, double p, double cartX, double y, double scale) {
        int dir = action == 1 ? 1 : -1;
        double to = cartX - dir * CART_W_M * scale / 2;
        double from = to - dir * (0.15 + 0.55 * p) * scale;
        Colour color = dir > 0 ? RIGHT : LEFT;
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(4);
        g.strokeLine(from, y, to - dir * 8, y);
        g.fillPolygon(new double[] {to, to - dir * 12, to - dir * 12}, new double[] {y, y - 7, y + 7}, 3);
        // The label sits under the caption, away from the pole and the ±2.4 m limits.
        g.setFont(INFO, false);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(String.format(Locale.ROOT, "push %s · arrow length π(%s) = %.2f",
                dir > 0 ? "right →" : "← left", dir > 0 ? "right" : "left", p), 10, 8 + 15);
    }

    /**
     * The applied force as an arrow of {@value #FULL_FORCE_M} m at ±10 N, proportional in between
     * (no arrow at 0 N); when the sampled a was clipped, a dashed line continues from the tail to
     * where an unclipped a would have reached (capped at twice the full length) and is labelled.
     */
    static void paintGaussianForce(Canvas2D g, GaussianAction a, double cartX, double y, double scale,
            double width) {
        double force = a.force();
        int dir = force >= 0 ? 1 : -1;
        double to = cartX - dir * CART_W_M * scale / 2;
        double length = FULL_FORCE_M * Math.abs(force) / CartPole.FORCE_MAG * scale;
        double from = to - dir * length;
        Colour color = dir > 0 ? RIGHT : LEFT;
        g.setStroke(color);
        g.setFill(color);
        if (length >= 12) {
            g.setLineWidth(4);
            g.strokeLine(from, y, to - dir * 8, y);
        }
        if (length > 0.5) {
            double head = Math.min(12, length);
            g.fillPolygon(new double[] {to, to - dir * head, to - dir * head}, new double[] {y, y - 7, y + 7}, 3);
        }
        if (a.clipped()) {
            double beyond = FULL_FORCE_M * Math.min(Math.abs(a.action()) - 1, 1) * scale;
            g.setLineWidth(2);
            g.setLineDashes(5, 4);
            g.strokeLine(from, y, from - dir * beyond, y);
            g.setLineDashes();
            g.strokeLine(from - dir * beyond, y - 6, from - dir * beyond, y + 6);
        }
        g.setFont(INFO, false);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.fillText(forceLabel(a), 10, 8 + 15, Math.max(40, width - 20));
    }

    /** The Gaussian arrow's label: the force and the a it came from, and whether a was clipped. */
    public static String forceLabel(GaussianAction a) {
        return a.clipped()
                ? String.format(Locale.ROOT, "force %+.1f N · a = %+.2f clipped to %s (dashed)", a.force(), a.action(),
                        a.action() > 0 ? "+1" : "−1")
                : String.format(Locale.ROOT, "force %+.1f N · a = %+.2f · arrow length ∝ |force|", a.force(), a.action());
    }

    private static void paintCaption(Canvas2D g, String caption, double width) {
        g.setFont(INFO, false);
        g.setTextAlign(TextAlign.LEFT);
        g.setTextBaseline(Baseline.TOP);
        g.setFill(CAPTION);
        g.fillText(caption, 10, 8, Math.max(40, width - 20));
    }

    private static void paintFlash(Canvas2D g, double width, double height, Flash flash) {
        if (flash == Flash.NONE) {
            return;
        }
        Colour c = flash == Flash.TERMINATED ? TERMINATED : TRUNCATED;
        g.setStroke(c);
        g.setLineWidth(6);
        g.strokeRect(3, 3, width - 6, height - 6);
        g.setFill(c);
        g.setFont(BANNER, true);
        g.setTextAlign(TextAlign.RIGHT);
        g.setTextBaseline(Baseline.TOP);
        // Two short lines under the caption, squeezed to the canvas width rather than cut.
        String[] lines = flash == Flash.TERMINATED
                ? new String[] {"terminated", "pole fell or cart left the track"}
                : new String[] {"truncated: 500-step limit", "bootstrapped, not a failure"};
        double room = Math.max(40, width - 24);
        g.fillText(lines[0], width - 12, 8 + 32, room);
        g.setFont(INFO, false);
        g.fillText(lines[1], width - 12, 8 + 50, room);
    }

    private static void label(Canvas2D g, String text, double x, double y, TextAlign align) {
        g.setFont(INFO, false);
        g.setFill(LABEL);
        g.setTextAlign(align);
        g.setTextBaseline(Baseline.CENTER);
        g.fillText(text, x, y);
    }
}
