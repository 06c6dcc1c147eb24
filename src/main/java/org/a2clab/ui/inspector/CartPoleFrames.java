package org.a2clab.ui.inspector;

import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.ui.export.PngImage;

/**
 * Exported frames: the inspector's cart-pole drawing ({@link EpisodeFrameDrawing}) on an off-screen canvas of fixed size, so
 * every PNG of a sequence has the same dimensions whatever the window, above a caption line with
 * the frame's actor-critic numbers.
 */
public final class CartPoleFrames implements FrameImages {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final double CAPTION_HEIGHT = 26;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final SnapshotParameters parameters = new SnapshotParameters();
    @Override
    public Supplier<byte[]> render(EpisodeFrame f) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double sceneHeight = HEIGHT - CAPTION_HEIGHT;
        EpisodeFrameDrawing.draw(g, WIDTH, sceneHeight, f);
        g.setFill(Color.WHITE);
        g.fillRect(0, sceneHeight, WIDTH, CAPTION_HEIGHT);
        g.setFill(Color.web("#212529"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(caption(f), 8, sceneHeight + CAPTION_HEIGHT / 2);
        // a fresh image per frame: it is encoded later, on another thread, while the canvas draws on
        WritableImage image = canvas.snapshot(parameters, null);
        return () -> PngImage.encode(image);
    }

    static String caption(EpisodeFrame f) {
        return String.format("t = %d    action: %s    π(right) = %.3f    V(s) = %.3f    A = %+.3f",
                f.t(), f.action() == 1 ? "right" : "left", f.probRight(), f.value(), f.advantage());
    }
}
