package org.a2clab.ui.render;

import java.util.Locale;
import org.a2clab.render.Rounded;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.a2clab.render.CartPolePainter;
import org.a2clab.render.CartPoleScene;
import org.a2clab.render.ForceArrow;
import org.a2clab.render.Flash;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.canvas.CanvasPane;

/**
 * The animated cart-pole: a Canvas that follows the window's size, repainted on each pulse in
 * which the frame player moved on, plus the playback-speed choice.
 */
public final class CartPoleView extends CanvasPane {
    private final FramePlayer player;
    private final ChoiceBox<PlaybackSpeed> speed = new ChoiceBox<>();
    private final StringProperty idleMessage = new SimpleStringProperty("waiting for the first steps…");
    private final StringProperty source = new SimpleStringProperty("worker 0");
    private long paints;
    private boolean repaintIdle;

    public CartPoleView(FramePlayer player) {
        this.player = player;
        setId("cartpole-view");
        getStyleClass().add("plot");
        speed.setId("playback-speed");
        speed.getItems().setAll(PlaybackSpeed.values());
        speed.setValue(PlaybackSpeed.REAL_TIME);
        speed.valueProperty().addListener((obs, old, s) -> player.setSpeed(s));
        idleMessage.addListener((obs, old, m) -> repaintIdle = true);
    }

    /** Whose frames these are, for the caption: "worker 0" while training. */
    public StringProperty sourceProperty() {
        return source;
    }

    /** What the empty track says before the first frame (e.g. "paused: press Resume…"). */
    public StringProperty idleMessageProperty() {
        return idleMessage;
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
        boolean idleChanged = repaintIdle && player.current() == null;
        repaintIdle = false;
        if (changed | takeSizeChanged() | idleChanged) {
            FxCanvas g = new FxCanvas(canvas.getGraphicsContext2D());
            WorkerFrame frame = player.current();
            if (frame == null) {
                CartPolePainter.paintEmpty(g, canvas.getWidth(), canvas.getHeight(), idleMessage.get());
            } else {
                CartPolePainter.paint(g, canvas.getWidth(), canvas.getHeight(), scene(source.get(), frame, player.flash()));
            }
            paints++;
        }
    }

    static CartPoleScene scene(String source, WorkerFrame f, Flash flash) {
        double[] s = f.state();
        String policy = f.policy().distribution().caption(f.probRight(), f.gaussian());
        String caption = Rounded.unsignedZeros(String.format(Locale.ROOT, "%s · step %d · x %+.2f m · θ %+.1f° · %s · V(s) %.1f",
                source, f.episodeStep(), s[0], Math.toDegrees(s[2]), policy, f.value()));
        return new CartPoleScene(s, caption, false, flash, f.view(ForceArrow.OF));
    }

    /** Canvas repaints so far (the renderer's frame count). */
    public long paints() {
        return paints;
    }
}
