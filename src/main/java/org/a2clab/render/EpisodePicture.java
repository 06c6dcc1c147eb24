package org.a2clab.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.StepView;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.media.GifPalette;

/**
 * One recorded frame as a picture to share: the {@link CartPolePainter} scene at a fixed
 * 640×360, whatever the window, above a caption strip with the frame's actor-critic numbers
 * (t, action, π(left), π(right), V, A; for a Gaussian policy μ, σ and the sampled a instead of
 * π). The same on any {@link Canvas2D}, so the Inspector's PNG
 * sequence and the GIFs of the app and the CLI show the same frames, drawn off the FX thread.
 */
public final class EpisodePicture {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    static final double CAPTION_HEIGHT = 26;
    /** The mark of a frame the user pushed (also the inspector's drag line). */
    public static final Colour PUSHED = Colour.of(0xe8590c);
    private static final Colour STRIP = Colour.of(0xffffff);
    private static final Colour CAPTION = Colour.of(0x212529);
    private static final double MARK_FONT = 11;
    private static final double CAPTION_FONT = 12;

    private EpisodePicture() {
    }

    /** Paints {@code f} on the whole {@link #WIDTH}×{@link #HEIGHT} area of {@code g}. */
    public static void draw(Canvas2D g, EpisodeFrame f) {
        double sceneHeight = HEIGHT - CAPTION_HEIGHT;
        g.save();
        drawScene(g, WIDTH, sceneHeight, f);
        g.setFill(STRIP);
        g.fillRect(0, sceneHeight, WIDTH, CAPTION_HEIGHT);
        g.setFill(CAPTION);
        g.setFont(CAPTION_FONT, false);
        g.setTextAlign(Canvas2D.TextAlign.LEFT);
        g.setTextBaseline(Canvas2D.Baseline.CENTER);
        String caption = caption(f, "    ");
        if (g.textWidth(caption) > WIDTH - 16) {
            caption = caption(f, "  ");
        }
        g.fillText(caption, 8, sceneHeight + CAPTION_HEIGHT / 2, WIDTH - 16);
        g.restore();
    }

    /**
     * The cart-pole of {@code f} on a {@code w}×{@code h} area, with the step and action on the
     * top line and a mark on a frame the user pushed.
     */
    public static void drawScene(Canvas2D g, double w, double h, EpisodeFrame f) {
        String top = f.view(new StepView<String>() {
            @Override
            public String categorical(int action, float prob) {
                return String.format(Locale.ROOT, "t = %d   action: push %s", f.t(), action == 1 ? "right →" : "← left");
            }

            @Override
            public String gaussian(GaussianAction a) {
                return String.format(Locale.ROOT, "t = %d   a ~ N(μ = %+.2f, σ = %.2f)", f.t(), a.mean(), a.std());
            }
        });
        CartPolePainter.paint(g, w, h, new CartPoleScene(f.state(), top, f.terminated(), Flash.NONE, f.view(ForceArrow.OF)));
        if (f.perturbed()) {
            g.save();
            g.setFill(PUSHED);
            g.setFont(MARK_FONT, false);
            g.setTextAlign(Canvas2D.TextAlign.LEFT);
            g.setTextBaseline(Canvas2D.Baseline.TOP);
            g.fillText("pushed by you just before this step", 10, 24);
            g.restore();
        }
    }

    /** The caption line's text, fields separated by {@code gap}. */
    static String caption(EpisodeFrame f, String gap) {
        return f.view(new StepView<String>() {
            @Override
            public String categorical(int action, float prob) {
                return String.format(Locale.ROOT, "t = %d%saction: %s%sπ(left) = %.3f  π(right) = %.3f%sV(s) = %.3f%sA = %+.3f",
                        f.t(), gap, action == 1 ? "right" : "left", gap, f.probLeft(), f.probRight(), gap, f.value(), gap,
                        f.advantage());
            }

            @Override
            public String gaussian(GaussianAction a) {
                return Rounded.unsignedZeros(String.format(Locale.ROOT,
                        "t = %d%sμ = %+.3f  σ = %.3f  a = %+.3f%sforce %+.1f N%sV(s) = %.3f%sA = %+.3f",
                        f.t(), gap, a.mean(), a.std(), a.action(), gap, a.force(), gap, f.value(), gap, f.advantage()));
            }
        });
    }

    /** {@code f} as a new RGB image; any thread. */
    public static BufferedImage image(EpisodeFrame f) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(new Java2DCanvas(g), f);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@code f} as PNG bytes; any thread. */
    public static byte[] png(EpisodeFrame f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(f), "png", bytes)) {
                throw new IOException("no PNG encoder available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A GIF palette holding every colour of these pictures exactly. */
    public static GifPalette palette() {
        int[] own = {PUSHED.rgb(), STRIP.rgb(), CAPTION.rgb()};
        int[] all = IntStream.concat(IntStream.of(CartPolePainter.colours()), IntStream.of(own)).distinct().toArray();
        return GifPalette.forDrawing(CartPolePainter.background(), all);
    }
}
