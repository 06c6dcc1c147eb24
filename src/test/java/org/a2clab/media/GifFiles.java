package org.a2clab.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** A GIF file read back with ImageIO: its size, each frame's delay and whether it loops forever. */
public final class GifFiles {
    private GifFiles() {
    }

    public record Gif(int width, int height, List<Integer> delays, boolean loops) {
    }

    public static Gif read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            boolean loops = false;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                var apps = root.getElementsByTagName("ApplicationExtension");
                for (int k = 0; k < apps.getLength(); k++) {
                    IIOMetadataNode app = (IIOMetadataNode) apps.item(k);
                    byte[] data = (byte[]) app.getUserObject();
                    // NETSCAPE2.0 with loop count 0: forever
                    loops |= "NETSCAPE".equals(app.getAttribute("applicationID")) && data.length == 3 && data[0] == 1
                            && data[1] == 0 && data[2] == 0;
                }
            }
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            reader.dispose();
            return new Gif(width, height, delays, loops);
        }
    }
}
