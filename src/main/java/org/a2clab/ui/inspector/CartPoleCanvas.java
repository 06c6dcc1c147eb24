package org.a2clab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.a2clab.inspect.Impulse;
import org.a2clab.ui.canvas.CanvasPane;
import org.a2clab.render.CartPolePainter;

/**
 * The selected frame's cart-pole, drawn by {@link EpisodeFrameDrawing}. While a live episode plays, a
 * horizontal drag pushes: starting on the pole tips it (θ̇), starting on or below the cart
 * pushes the cart (ẋ), in the drag's direction, with the chosen impulse size.
 */
final class CartPoleCanvas extends CanvasPane {
    private final InspectorViewModel model;
    private double pressX;
    private double pressY;
    private double dragX = Double.NaN;

    CartPoleCanvas(InspectorViewModel model) {
        super(520, 220);
        this.model = model;
        model.currentFrameProperty().addListener((obs, old, frame) -> redraw());
        model.live().liveEpisodeProperty().addListener((obs, old, live) -> redraw());
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
            if (model.live().liveEpisodeProperty().get() != null && Math.abs(dx) > 5) {
                double size = Math.signum(dx) * model.impulseSizeProperty().get();
                model.live().push(pressY < cartTop() ? Impulse.pole(size) : Impulse.cart(size));
            }
        });
    }

    private double cartTop() {
        return CartPolePainter.cartTop(canvas.getWidth(), canvas.getHeight());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        EpisodeFrameDrawing.draw(g, w, h, model.currentFrame());
        // the hint shares the frame's top line, so it only shows once there is a frame
        if (model.currentFrame() != null && model.live().liveEpisodeProperty().get() != null) {
            g.setFill(Color.web("#868e96"));
            g.setFont(EpisodeFrameDrawing.MARK);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("drag the pole or cart sideways to push", w - 8, 8);
        }
        if (!Double.isNaN(dragX)) {
            g.setStroke(EpisodeFrameDrawing.PUSH);
            g.setLineWidth(3);
            g.strokeLine(pressX, pressY, dragX, pressY);
        }
    }
}
