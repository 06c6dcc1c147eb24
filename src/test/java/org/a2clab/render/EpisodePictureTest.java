package org.a2clab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.media.GifPalette;
import org.junit.jupiter.api.Test;

class EpisodePictureTest {
    static EpisodeFrame frame(int t, double x, int action, boolean perturbed) {
        return new EpisodeFrame(t, new double[] {x, 0, 0.05, 0}, new float[] {(float) x, 0, 0.05f, 0}, 0.25f, 0.75f,
                action, 42.5f, 1f, false, false, 44.0, 1.5, 0.2, 0.56, perturbed, 44.0, 1.5);
    }

    @Test
    void drawsTheSceneAboveAWhiteCaptionStripAtTheFixedSize() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(EpisodePicture.png(frame(7, 0, 1, false))));
        assertEquals(EpisodePicture.WIDTH, image.getWidth());
        assertEquals(EpisodePicture.HEIGHT, image.getHeight());
        assertEquals(CartPolePainter.background(), image.getRGB(EpisodePicture.WIDTH - 3, 60) & 0xFFFFFF);
        assertEquals(0xffffff, image.getRGB(EpisodePicture.WIDTH - 3, EpisodePicture.HEIGHT - 3) & 0xFFFFFF);
        // the cart of a centred state sits in the middle, just above the track
        double cartTop = CartPolePainter.cartTop(EpisodePicture.WIDTH, EpisodePicture.HEIGHT - EpisodePicture.CAPTION_HEIGHT);
        assertEquals(0x2f3e4e, image.getRGB(EpisodePicture.WIDTH / 2, (int) cartTop + 6) & 0xFFFFFF);
    }

    @Test
    void theCaptionNamesTheFramesNumbers() {
        RecordingCanvas g = new RecordingCanvas(new Java2DCanvas(
                new BufferedImage(EpisodePicture.WIDTH, EpisodePicture.HEIGHT, BufferedImage.TYPE_INT_RGB).createGraphics()));
        EpisodePicture.draw(g, frame(7, 0, 1, true));
        List<String> calls = g.calls();
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("fillText[t = 7    action: right    π(left) = 0.250  "
                + "π(right) = 0.750    V(s) = 42.500    A = +1.500")), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("fillText[pushed by you just before this step")));
        assertEquals(calls.stream().filter(c -> c.startsWith("save")).count(),
                calls.stream().filter(c -> c.startsWith("restore")).count(), "every save is restored");
    }

    @Test
    void thePaletteHoldsEveryDrawnColourExactly() {
        GifPalette palette = EpisodePicture.palette();
        int[] colours = {CartPolePainter.background(), 0x2f3e4e, 0xc8963e, 0xd1495b, 0xf28e2b, 0x4e79a7, 0xe8590c,
                0xffffff, 0x212529};
        for (int c : colours) {
            assertEquals(c, palette.rgb(palette.indexOf(c)), Integer.toHexString(c));
        }
        for (int c : CartPolePainter.colours()) {
            assertEquals(c, palette.rgb(palette.indexOf(c)), Integer.toHexString(c));
        }
    }
}
