package org.a2clab.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIFs read back with the JDK's own GIF reader: frames, loop, delays and the pictures themselves. */
class AnimatedGifTest {
    static final int BACKGROUND = 0xFBFCFD;
    static final int[] COLOURS = {0x3B4148, 0xD1495B, 0x2F3E4E, 0xC8963E, 0xF28E2B, 0x4E79A7, 0x1F2328};
    static final GifPalette PALETTE = GifPalette.forDrawing(BACKGROUND, COLOURS);

    @TempDir
    Path tmp;

    /** A cart-pole-like frame: track, a cart that moves, an anti-aliased pole that swings, a caption. */
    static BufferedImage scene(int t, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(BACKGROUND));
        g.fillRect(0, 0, width, height);
        int trackY = height - 44;
        g.setColor(new Color(COLOURS[0]));
        g.setStroke(new BasicStroke(2));
        g.drawLine(20, trackY, width - 20, trackY);
        double x = width / 2.0 + Math.sin(t / 40.0) * width * 0.3;
        double theta = Math.sin(t / 9.0) * 0.15;
        g.setColor(new Color(COLOURS[2]));
        g.fillRoundRect((int) (x - 25), trackY - 30, 50, 30, 6, 6);
        g.setColor(new Color(COLOURS[3]));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double pole = height * 0.55;
        g.drawLine((int) x, trackY - 30, (int) (x + Math.sin(theta) * pole), (int) (trackY - 30 - Math.cos(theta) * pole));
        g.setColor(new Color(t % 2 == 0 ? COLOURS[4] : COLOURS[5]));
        g.fillRect((int) x + (t % 2 == 0 ? -70 : 25), trackY - 18, 45, 5);
        g.setColor(new Color(COLOURS[6]));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format("t = %d   action: push %s   π(right) = %.3f   V(s) = %.2f", t,
                t % 2 == 0 ? "left" : "right", 0.5 + theta, 40 + Math.cos(t / 7.0)), 10, 18);
        g.dispose();
        return image;
    }

    record Decoded(List<int[]> composited, List<Integer> delays, List<String> disposals, boolean loops, int width,
            int height) {
    }

    /** Composites every frame as a viewer does (do-not-dispose, transparent index skipped). */
    static Decoded decode(Path gif) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            IIOMetadataNode screen = child((IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0"), "LogicalScreenDescriptor");
            int width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            int[] canvas = new int[width * height];
            List<int[]> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            List<String> disposals = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                IIOMetadataNode descriptor = child(root, "ImageDescriptor");
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                disposals.add(control.getAttribute("disposalMethod"));
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                if (apps != null) {
                    for (int k = 0; k < apps.getLength(); k++) {
                        IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
                        byte[] data = (byte[]) app.getUserObject();
                        loops |= "NETSCAPE".equals(app.getAttribute("applicationID"))
                                && "2.0".equals(app.getAttribute("authenticationCode"))
                                && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0;
                    }
                }
                boolean transparent = "TRUE".equals(control.getAttribute("transparentColorFlag"));
                int transparentIndex = Integer.parseInt(control.getAttribute("transparentColorIndex"));
                int left = Integer.parseInt(descriptor.getAttribute("imageLeftPosition"));
                int top = Integer.parseInt(descriptor.getAttribute("imageTopPosition"));
                BufferedImage patch = reader.read(i);
                for (int y = 0; y < patch.getHeight(); y++) {
                    for (int x = 0; x < patch.getWidth(); x++) {
                        int index = patch.getRaster().getSample(x, y, 0);
                        if (!transparent || index != transparentIndex) {
                            canvas[(top + y) * width + left + x] = patch.getColorModel().getRGB(index) & 0xFFFFFF;
                        }
                    }
                }
                frames.add(canvas.clone());
            }
            reader.dispose();
            return new Decoded(frames, delays, disposals, loops, width, height);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        return null;
    }

    /** The frame as the palette shows it. */
    static int[] expected(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = PALETTE.rgb(PALETTE.indexOf(rgb[i]));
        }
        return rgb;
    }

    @Test
    void readsBackAsTheSameFramesLoopingAt50Fps() throws Exception {
        Path gif = tmp.resolve("episode.gif");
        int count = 60;
        // frames 20 and 21 are the same picture: an unchanged frame must still be a frame
        AnimatedGif.write(gif, PALETTE, AnimatedGif.DEFAULT_FPS, count, i -> scene(i == 21 ? 20 : i, 200, 120));
        Decoded d = decode(gif);
        assertEquals(count, d.composited().size());
        assertEquals(200, d.width());
        assertEquals(120, d.height());
        assertTrue(d.loops(), "NETSCAPE2.0 loop extension with loop count 0");
        for (int i = 0; i < count; i++) {
            assertEquals(2, d.delays().get(i), "50 fps = 2 centiseconds, frame " + i);
            assertEquals("doNotDispose", d.disposals().get(i));
            assertArrayEquals(expected(scene(i == 21 ? 20 : i, 200, 120)), d.composited().get(i), "frame " + i);
        }
    }

    @Test
    void paletteKeepsTheDrawingsColoursExactly() {
        for (int c : COLOURS) {
            assertEquals(c, PALETTE.rgb(PALETTE.indexOf(0xFF000000 | c)));
        }
        assertEquals(BACKGROUND, PALETTE.rgb(PALETTE.indexOf(BACKGROUND)));
        assertTrue(PALETTE.indexOf(0x123456) < GifPalette.TRANSPARENT);
        assertEquals(0, PALETTE.colorModel().getAlpha(GifPalette.TRANSPARENT));
    }

    @Test
    void delaysFollowTheFrameClockInCentiseconds() {
        int total = 0;
        for (int i = 0; i < 30; i++) {
            int d = AnimatedGif.delayCentiseconds(i, 30);
            assertTrue(d == 3 || d == 4, "30 fps frame " + i + ": " + d);
            total += d;
        }
        assertEquals(100, total, "30 frames at 30 fps last one second");
        assertEquals(100, AnimatedGif.delayCentiseconds(0, 1));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.start(java.io.OutputStream.nullOutputStream(), PALETTE, 51));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.start(java.io.OutputStream.nullOutputStream(), PALETTE, 0));
    }

    @Test
    void fiveHundredStepsAtTheExportSizeStayUnderFiveMegabytes() throws Exception {
        Path gif = tmp.resolve("long.gif");
        AnimatedGif.write(gif, PALETTE, AnimatedGif.DEFAULT_FPS, 500, i -> scene(i, 640, 360));
        long size = Files.size(gif);
        System.out.println("500 frames of 640x360: " + size + " bytes");
        assertTrue(size <= 5_000_000, size + " bytes");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(500, reader.getNumImages(true));
            reader.dispose();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path gif = tmp.resolve("keep.gif");
        Files.writeString(gif, "the old file");
        assertThrows(IllegalStateException.class, () -> AnimatedGif.write(gif, PALETTE, 50, 10, i -> {
            if (i == 5) {
                throw new IllegalStateException("rendering failed");
            }
            return scene(i, 80, 60);
        }));
        assertEquals("the old file", Files.readString(gif));
        Path dir = Files.createDirectory(tmp.resolve("dir.gif"));
        assertThrows(IOException.class, () -> AnimatedGif.write(dir, PALETTE, 50, 3, i -> scene(i, 80, 60)));
        assertTrue(Files.isDirectory(dir));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(tmp.resolve("x.gif"), PALETTE, 50, 2,
                i -> scene(i, 80 + i, 60)));
        assertFalse(Files.exists(tmp.resolve("x.gif")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temporary files left behind");
        }
    }
}
