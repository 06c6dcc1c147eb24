package org.a2clab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.a2clab.agent.GaussianAction;
import org.a2clab.inspect.EpisodeFrame;
import org.junit.jupiter.api.Test;

/** A Gaussian frame's arrow is the applied force, a clipped a is marked, captions show μ, σ, a. */
class GaussianPictureTest {
    private static final int W = 640;
    private static final int H = 334;
    private static final int RIGHT = 0xf28e2b;
    private static final int LEFT = 0x4e79a7;

    private static CartPoleScene scene(double a) {
        GaussianAction g = GaussianAction.of(0.4f, 0.5f, a);
        return new CartPoleScene(new double[] {0, 0, 0, 0}, "gaussian", false, Flash.NONE, ForceArrow.OF.gaussian(g));
    }

    /** Leftmost and rightmost x of {@code rgb} on the arrow's row, or {-1, -1}. */
    private static int[] arrowExtent(CartPoleScene scene, int rgb) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        CartPolePainter.paint(new Java2DCanvas(image.createGraphics()), W, H, scene);
        double top = CartPolePainter.cartTop(W, H);
        int y = (int) Math.round(top + (H - 44 - top) / 2);
        int lo = -1;
        int hi = -1;
        for (int x = 0; x < W; x++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                lo = lo < 0 ? x : lo;
                hi = x;
            }
        }
        return new int[] {lo, hi};
    }

    private static List<String> calls(CartPoleScene scene) {
        RecordingCanvas g = new RecordingCanvas(new Java2DCanvas(new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB).createGraphics()));
        CartPolePainter.paint(g, W, H, scene);
        return g.calls();
    }

    @Test
    void theArrowLengthIsProportionalToTheAppliedForce() {
        int[] full = arrowExtent(scene(1.0), RIGHT);
        int[] half = arrowExtent(scene(0.5), RIGHT);
        int fullLength = full[1] - full[0];
        int halfLength = half[1] - half[0];
        assertTrue(fullLength > 60, "a full push is a long arrow: " + fullLength);
        assertEquals(fullLength / 2.0, halfLength, 3, "10 N vs 5 N");
        assertEquals(full[1], half[1], "both arrows end at the cart's left side");
        int[] left = arrowExtent(scene(-0.5), LEFT);
        assertEquals(halfLength, left[1] - left[0], 3, "−5 N: same length, pushing from the right");
        assertTrue(left[0] > full[1], "a leftward push starts at the cart's right side");
        assertEquals(-1, arrowExtent(scene(0.0), RIGHT)[0], "no force, no arrow");
    }

    @Test
    void aClippedActionIsDrawnOnDashedBeyondTheFullArrow() {
        List<String> clipped = calls(scene(1.7));
        List<String> inRange = calls(scene(0.9));
        assertTrue(clipped.contains("setLineDashes[[5.0, 4.0]]"), clipped.toString());
        assertFalse(inRange.contains("setLineDashes[[5.0, 4.0]]"));
        assertTrue(clipped.stream().anyMatch(c -> c.startsWith("fillText[force +10.0 N · a = +1.70 clipped to +1 (dashed)")),
                clipped.toString());
        assertTrue(inRange.stream().anyMatch(c -> c.startsWith("fillText[force +9.0 N · a = +0.90 · arrow length ∝ |force|")));
        // the arrow itself stops at 10 N: the dashed part lies further out, not in the arrow's colour run
        int[] full = arrowExtent(scene(1.0), RIGHT);
        int[] over = arrowExtent(scene(1.7), RIGHT);
        assertEquals(full[1], over[1]);
        assertTrue(over[0] < full[0] - 40, "the dashed line reaches beyond the full arrow");
    }

    @Test
    void theCaptionsShowMuSigmaAndTheSampledAction() {
        GaussianAction a = GaussianAction.of(0.412f, 0.5f, -1.25);
        EpisodeFrame f = new EpisodeFrame(7, new double[] {0, 0, 0.05, 0}, new float[] {0, 0, 0.05f, 0}, 0.2f, 0.8f,
                0, 42.5f, 1f, false, false, 44.0, 1.5, 0.2, 0.72, false, 44.0, 1.5, a);
        RecordingCanvas g = new RecordingCanvas(new Java2DCanvas(
                new BufferedImage(EpisodePicture.WIDTH, EpisodePicture.HEIGHT, BufferedImage.TYPE_INT_RGB).createGraphics()));
        EpisodePicture.draw(g, f);
        List<String> calls = g.calls();
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("fillText[t = 7    μ = +0.412  σ = 0.500  a = -1.250    "
                + "force -10.0 N    V(s) = 42.500    A = +1.500")), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("fillText[t = 7   a ~ N(μ = +0.41, σ = 0.50)")));
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("fillText[force -10.0 N · a = -1.25 clipped to −1")));
        assertTrue(calls.stream().noneMatch(c -> c.contains("π(")), "no π(left/right) for a Gaussian frame");
    }
}
