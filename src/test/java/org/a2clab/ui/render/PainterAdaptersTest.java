package org.a2clab.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.a2clab.render.Canvas2D;
import org.a2clab.render.CartPolePainter;
import org.a2clab.render.CartPoleScene;
import org.a2clab.render.ForceArrow;
import org.a2clab.render.Flash;
import org.a2clab.render.Java2DCanvas;
import org.a2clab.render.RecordingCanvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The painter tells the JavaFX and the Java2D canvas the same thing, call for call, and both
 * put the same colours where the cart and the background are.
 */
@ExtendWith(ApplicationExtension.class)
class PainterAdaptersTest {
    private static final int W = 520;
    private static final int H = 240;

    @Start
    void start(Stage stage) {
        // only the toolkit is needed: the canvas is drawn off-screen
    }

    private record Drawn(List<String> calls, int[] argb) {
    }

    private static Drawn onFx(Consumer<Canvas2D> paint) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Canvas canvas = new Canvas(W, H);
            RecordingCanvas g = new RecordingCanvas(new FxCanvas(canvas.getGraphicsContext2D()));
            paint.accept(g);
            WritableImage image = canvas.snapshot(new SnapshotParameters(), null);
            int[] argb = new int[W * H];
            image.getPixelReader().getPixels(0, 0, W, H, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, W);
            return new Drawn(g.calls(), argb);
        }).get(10, TimeUnit.SECONDS);
    }

    private static Drawn onJava2D(Consumer<Canvas2D> paint) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        RecordingCanvas g = new RecordingCanvas(new Java2DCanvas(image.createGraphics()));
        paint.accept(g);
        return new Drawn(g.calls(), image.getRGB(0, 0, W, H, null, 0, W));
    }

    private static void assertSameDrawing(Consumer<Canvas2D> paint, String... expectedCalls) throws Exception {
        Drawn fx = onFx(paint);
        Drawn java2d = onJava2D(paint);
        assertEquals(fx.calls(), java2d.calls());
        for (String expected : expectedCalls) {
            assertTrue(fx.calls().stream().anyMatch(c -> c.startsWith(expected)), expected + " in " + fx.calls());
        }
        int background = CartPolePainter.background();
        assertEquals(background, fx.argb()[W * 60 + W - 20] & 0xFFFFFF);
        assertEquals(background, java2d.argb()[W * 60 + W - 20] & 0xFFFFFF);
    }

    @Test
    void anUprightPoleIsTheSameCallsAndColours() throws Exception {
        CartPoleScene scene = new CartPoleScene(new double[] {0, 0, 0, 0}, "worker 0 · step 3", false, Flash.NONE,
                ForceArrow.OF.categorical(1, 0.8f));
        Consumer<Canvas2D> paint = g -> CartPolePainter.paint(g, W, H, scene);
        assertSameDrawing(paint, "fillRoundRect", "fillArc", "fillText[+2.4 m", "fillText[worker 0 · step 3");
        int cart = W * ((int) CartPolePainter.cartTop(W, H) + 6) + W / 2;
        assertEquals(0x2f3e4e, onFx(paint).argb()[cart] & 0xFFFFFF);
        assertEquals(0x2f3e4e, onJava2D(paint).argb()[cart] & 0xFFFFFF);
    }

    @Test
    void aTerminatedEpisodesFlashIsTheSameCalls() throws Exception {
        CartPoleScene scene = new CartPoleScene(new double[] {-1.2, 0, 0.3, 0}, "fell", true, Flash.TERMINATED,
                ForceArrow.OF.categorical(0, 0.6f));
        assertSameDrawing(g -> CartPolePainter.paint(g, W, H, scene),
                "strokeRect", "setFont[15.0, true]", "fillText[terminated", "setLineDashes[[4.0, 3.0]]");
    }

    @Test
    void theEmptyTrackIsTheSameCalls() throws Exception {
        assertSameDrawing(g -> CartPolePainter.paintEmpty(g, W, H, "waiting for the first steps…"),
                "fillText[waiting for the first steps…");
    }

    @Test
    void aGaussianTrainingFrameShowsMuSigmaAndTheForceOnBothCanvases() throws Exception {
        org.a2clab.agent.GaussianAction a = org.a2clab.agent.GaussianAction.of(0.3f, 0.6f, 1.4);
        org.a2clab.train.WorkerFrame f = new org.a2clab.train.WorkerFrame(new double[] {0.1, 0, 0.02, 0}, 0.69f, 12.5f, 1,
                1f, false, false, 4, a);
        CartPoleScene scene = CartPoleView.scene("worker 0", f, Flash.NONE);
        assertEquals("worker 0 · step 4 · x +0.10 m · θ +1.1° · μ +0.30 σ 0.60 a +1.40 · V(s) 12.5", scene.caption());
        assertSameDrawing(g -> CartPolePainter.paint(g, W, H, scene),
                "fillText[force +10.0 N · a = +1.40 clipped to +1", "setLineDashes[[5.0, 4.0]]");
    }
}
