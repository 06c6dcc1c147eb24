package org.a2clab.media;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.a2clab.io.AtomicFiles;

/**
 * An animated GIF that loops forever, written frame by frame with the JDK's GIF writer. Frames
 * are mapped to one fixed {@link GifPalette}; after the first, each frame stores only the
 * rectangle that changed, with pixels equal to the previous frame left transparent, and is drawn
 * over what is already shown ("do not dispose"). An episode of a cart and a pole thus costs a few
 * kilobytes per frame instead of a whole picture.
 */
public final class AnimatedGif implements AutoCloseable {
    /** One frame per environment step at 50 steps/s: CartPole's own clock (τ = 0.02 s). */
    public static final int DEFAULT_FPS = 50;
    /** GIF delays are whole centiseconds; browsers slow anything under 2 cs down to 10 cs. */
    public static final int MAX_FPS = 50;
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream out;
    private final GifPalette palette;
    private final int fps;
    private int width = -1;
    private int height;
    /** The palette indices on screen after the frames so far. */
    private byte[] shown;
    private int[] previousRgb;
    private int frames;

    private AnimatedGif(ImageWriter writer, ImageOutputStream out, GifPalette palette, int fps) {
        this.writer = writer;
        this.out = out;
        this.palette = palette;
        this.fps = fps;
    }

    /** Starts a GIF on {@code stream} (closed by {@link #close}); frames follow at {@code fps}. */
    public static AnimatedGif start(OutputStream stream, GifPalette palette, int fps) throws IOException {
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("frames per second must be 1-" + MAX_FPS + ", got " + fps);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ImageOutputStream out = ImageIO.createImageOutputStream(stream);
        writer.setOutput(out);
        return new AnimatedGif(writer, out, palette, fps);
    }

    /**
     * Writes the whole animation to {@code target} atomically: a temporary sibling first, renamed
     * into place only when complete. {@code frame} renders frame i of {@code count}.
     */
    public static void write(Path target, GifPalette palette, int fps, int count, IntFunction<BufferedImage> frame)
            throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("a GIF needs at least one frame");
        }
        AtomicFiles.write(target, temp -> {
            try (OutputStream stream = Files.newOutputStream(temp); AnimatedGif gif = start(stream, palette, fps)) {
                for (int i = 0; i < count; i++) {
                    gif.add(frame.apply(i));
                }
            }
        });
    }

    /**
     * Centiseconds frame {@code i} stays on screen: rounded so the running total stays on the
     * frame clock (30 fps alternates 3, 3, 4 cs), never 0.
     */
    static int delayCentiseconds(int i, int fps) {
        return Math.max(1, (int) (Math.round(100.0 * (i + 1) / fps) - Math.round(100.0 * i / fps)));
    }

    /** Appends a frame; every frame must have the first one's size. */
    public void add(BufferedImage image) throws IOException {
        if (width < 0) {
            width = image.getWidth();
            height = image.getHeight();
            shown = new byte[width * height];
            writer.prepareWriteSequence(streamMetadata());
        } else if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + image.getWidth() + "x" + image.getHeight()
                    + ", the animation is " + width + "x" + height);
        }
        int[] rgb = pixels(image);
        Rectangle changed = frames == 0 ? new Rectangle(width, height) : changedArea(rgb);
        BufferedImage patch = new BufferedImage(Math.max(1, changed.width), Math.max(1, changed.height),
                BufferedImage.TYPE_BYTE_INDEXED, palette.colorModel());
        byte[] pixels = ((DataBufferByte) patch.getRaster().getDataBuffer()).getData();
        if (changed.isEmpty()) {
            pixels[0] = (byte) GifPalette.TRANSPARENT;
        } else {
            fill(pixels, rgb, changed);
        }
        writer.writeToSequence(new IIOImage(patch, null, metadata(patch, changed)), null);
        previousRgb = rgb;
        frames++;
    }

    /**
     * The frame's colours, one int per pixel (alpha may differ, the palette ignores it). Straight
     * from the raster when it is one int per pixel: getRGB converts pixel by pixel.
     */
    private int[] pixels(BufferedImage image) {
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
        if (packed && image.getRaster().getDataBuffer() instanceof DataBufferInt
                && image.getRaster().getDataBuffer().getSize() == width * height) {
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /**
     * The smallest rectangle holding every pixel whose palette colour differs from what is
     * shown, found by comparing source colours first (cheap) and mapping only those that changed.
     */
    private Rectangle changedArea(int[] rgb) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int p = row + x;
                if (rgb[p] != previousRgb[p] && (byte) palette.indexOf(rgb[p]) != shown[p]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** Palette indices of {@code area} into {@code pixels}; unchanged ones transparent after frame 0. */
    private void fill(byte[] pixels, int[] rgb, Rectangle area) {
        int k = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int p = y * width + x;
                // shown[p] is always the index of previousRgb[p]: an unchanged colour needs no lookup
                if (frames > 0 && rgb[p] == previousRgb[p]) {
                    pixels[k++] = (byte) GifPalette.TRANSPARENT;
                    continue;
                }
                byte index = (byte) palette.indexOf(rgb[p]);
                if (frames > 0 && index == shown[p]) {
                    pixels[k++] = (byte) GifPalette.TRANSPARENT;
                } else {
                    pixels[k++] = index;
                    shown[p] = index;
                }
            }
        }
    }

    /**
     * The screen size and the palette as the global colour table. Without it the JDK writer puts
     * a generic table in the header and keeps the frames' indices, which shows wrong colours.
     */
    private IIOMetadata streamMetadata() throws IOException {
        IIOMetadata meta = writer.getDefaultStreamMetadata(null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(STREAM_FORMAT);
        IIOMetadataNode screen = child(root, "LogicalScreenDescriptor");
        screen.setAttribute("logicalScreenWidth", Integer.toString(width));
        screen.setAttribute("logicalScreenHeight", Integer.toString(height));
        screen.setAttribute("colorResolution", "8");
        screen.setAttribute("pixelAspectRatio", "0");
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getLength() > 0) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfGlobalColorTable", "256");
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            int rgb = i == GifPalette.TRANSPARENT ? 0 : palette.rgb(i);
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(rgb >> 16 & 0xFF));
            entry.setAttribute("green", Integer.toString(rgb >> 8 & 0xFF));
            entry.setAttribute("blue", Integer.toString(rgb & 0xFF));
            table.appendChild(entry);
        }
        meta.setFromTree(STREAM_FORMAT, root);
        return meta;
    }

    private IIOMetadata metadata(BufferedImage patch, Rectangle at) throws IOException {
        // Not ImageTypeSpecifier.createFromRenderedImage: for a BufferedImage type it forgets our palette.
        ImageTypeSpecifier type = new ImageTypeSpecifier(palette.colorModel(), patch.getSampleModel());
        IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        // the global table is this palette: no 768-byte copy per frame
        IIOMetadataNode local = child(root, "LocalColorTable");
        root.removeChild(local);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        // index 255 is never a colour, so declaring it transparent is right for every frame
        control.setAttribute("transparentColorFlag", "TRUE");
        control.setAttribute("transparentColorIndex", Integer.toString(GifPalette.TRANSPARENT));
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds(frames, fps)));
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(at.x));
        descriptor.setAttribute("imageTopPosition", Integer.toString(at.y));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        if (frames == 0) {
            // NETSCAPE2.0 application extension: loop count 0 = forever
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }

    /** Number of frames written so far. */
    public int frames() {
        return frames;
    }

    /** Ends the GIF (trailer) and closes the stream; a GIF without frames is refused. */
    @Override
    public void close() throws IOException {
        try {
            if (frames == 0) {
                throw new IOException("a GIF needs at least one frame");
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
            out.close();
        }
    }
}
