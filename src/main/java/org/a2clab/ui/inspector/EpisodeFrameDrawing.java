package org.a2clab.ui.inspector;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.render.CartPolePainter;
import org.a2clab.render.EpisodePicture;
import org.a2clab.ui.render.FxCanvas;

/**
 * The inspector canvas's frame: {@link EpisodePicture}'s scene (the shared painter plus the mark
 * of a frame the user pushed), so an exported frame looks as on screen.
 */
final class EpisodeFrameDrawing {
    static final Color PUSH = FxCanvas.color(EpisodePicture.PUSHED);
    static final Font MARK = FxCanvas.font(11, false);

    private EpisodeFrameDrawing() {
    }

    /** Paints the whole {@code w}×{@code h} area; {@code f} null shows a hint to record one. */
    static void draw(GraphicsContext g, double w, double h, EpisodeFrame f) {
        if (f == null) {
            CartPolePainter.paintEmpty(new FxCanvas(g), w, h, "Record an episode to inspect it");
        } else {
            EpisodePicture.drawScene(new FxCanvas(g), w, h, f);
        }
    }
}
