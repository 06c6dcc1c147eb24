package org.a2clab.ui.render;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.a2clab.ui.canvas.CanvasPane;

/**
 * The animated cart-pole: a Canvas that follows the window's size, repainted on each pulse in
 * which the frame player moved on, plus the playback-speed choice.
 */
public final class CartPoleView extends CanvasPane {
    private final FramePlayer player;
    private final CartPolePainter painter = new CartPolePainter();
    private final ChoiceBox<PlaybackSpeed> speed = new ChoiceBox<>();
    private long paints;

    public CartPoleView(FramePlayer player) {
        this.player = player;
        setId("cartpole-view");
        getStyleClass().add("plot");
        speed.setId("playback-speed");
        speed.getItems().setAll(PlaybackSpeed.values());
        speed.setValue(PlaybackSpeed.REAL_TIME);
        speed.valueProperty().addListener((obs, old, s) -> player.setSpeed(s));
    }

    /** The speed choice, for a toolbar. */
    public HBox speedChoice() {
        HBox box = new HBox(6, new Label("Cart-pole playback"), speed);
        box.getStyleClass().add("window-choice");
        return box;
    }

    /** Called every pulse: advances playback and repaints if anything visible changed. */
    public void pulse(long nowNanos) {
        boolean changed = player.pulse(nowNanos);
        if (changed | takeSizeChanged()) {
            painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                    player.current(), player.flash());
            paints++;
        }
    }

    /** Canvas repaints so far (the renderer's frame count). */
    public long paints() {
        return paints;
    }
}
