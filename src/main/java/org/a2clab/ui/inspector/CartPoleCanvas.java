package org.a2clab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.TextAlignment;
import org.a2clab.env.CartPole;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.Impulse;

/**
 * The selected frame's cart-pole: the ±2.4 m track, the cart, the pole at θ, the ±12° wedge in
 * which the episode survives, and the force the agent chose. While a live episode plays, a
 * horizontal drag pushes: starting on the pole tips it (θ̇), starting on or below the cart
 * pushes the cart (ẋ), in the drag's direction, with the chosen impulse size.
 */
final class CartPoleCanvas extends ResizableCanvasPane {
    private static final double VIEW_HALF_WIDTH_M = 3.0;
    private static final double CART_WIDTH_M = 0.5;
    private static final double CART_HEIGHT_M = 0.3;
    private static final double POLE_LENGTH_M = 2 * CartPole.LENGTH;
    private static final Color PUSH = Color.web("#e8590c");

    private final InspectorViewModel model;
    private double pressX;
    private double pressY;
    private double dragX = Double.NaN;

    CartPoleCanvas(InspectorViewModel model) {
        super(520, 220);
        this.model = model;
        model.currentFrameProperty().addListener((obs, old, frame) -> redraw());
        model.liveEpisodeProperty().addListener((obs, old, live) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            dragX = e.getX();
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragX = Double.NaN;
            redraw();
            double dx = e.getX() - pressX;
            if (model.liveEpisodeProperty().get() != null && Math.abs(dx) > 5) {
                double size = Math.signum(dx) * model.impulseSizeProperty().get();
                model.push(pressY < cartTop() ? Impulse.pole(size) : Impulse.cart(size));
            }
        });
    }

    private double scale() {
        return canvas.getWidth() / (2 * VIEW_HALF_WIDTH_M);
    }

    private double trackY() {
        return canvas.getHeight() * 0.78;
    }

    private double cartTop() {
        return trackY() - CART_HEIGHT_M * scale();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        double s = scale();
        double cx = w / 2;
        double trackY = trackY();
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
        EpisodeFrame f = model.currentFrame();
        if (f == null) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Record an episode to inspect it", cx, h / 2);
            return;
        }
        double x = f.state()[0];
        double theta = f.state()[2];
        double cartX = cx + x * s;
        double cartTop = cartTop();
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
        if (model.liveEpisodeProperty().get() != null) {
            g.setFill(Color.web("#868e96"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("drag the pole or cart sideways to push", w - 8, 8);
        }
        if (!Double.isNaN(dragX)) {
            g.setStroke(PUSH);
            g.setLineWidth(3);
            g.strokeLine(pressX, pressY, dragX, pressY);
        }
    }
}
