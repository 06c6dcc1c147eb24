package org.a2clab.ui.inspector;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.render.CartPolePainter;
import org.a2clab.render.CartPoleScene;
import org.a2clab.render.Flash;
import org.a2clab.ui.render.FxCanvas;

/**
 * One recorded frame drawn by the shared {@link CartPolePainter}, plus the inspector's own mark
 * of a frame the user pushed. Behind both the inspector's canvas and the exported PNG frames, so
 * an exported frame looks as on screen.
 */
final class EpisodeFrameDrawing {
    static final Color PUSH = Color.web("#e8590c");
    static final Font MARK = Font.font("System", 11);

    private EpisodeFrameDrawing() {
    }

    /** Paints the whole {@code w}×{@code h} area; {@code f} null shows a hint to record one. */
    static void draw(GraphicsContext g, double w, double h, EpisodeFrame f) {
        if (f == null) {
            CartPolePainter.paintEmpty(new FxCanvas(g), w, h, "Record an episode to inspect it");
            return;
        }
        String caption = String.format("t = %d   action: push %s", f.t(), f.action() == 1 ? "right →" : "← left");
        double prob = f.action() == 1 ? f.probRight() : f.probLeft();
        CartPolePainter.paint(new FxCanvas(g), w, h, new CartPoleScene(f.state(), f.action(), prob, caption, f.terminated(),
                Flash.NONE));
        if (f.perturbed()) {
            g.setFill(PUSH);
            g.setFont(MARK);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("pushed by you just before this step", 10, 24);
        }
    }
}
