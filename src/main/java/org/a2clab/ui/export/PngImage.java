package org.a2clab.ui.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * PNG bytes of a JavaFX image. Views snapshot on the FX thread and hand this to the background,
 * so view-models pass pictures along without touching AWT or ImageIO themselves.
 */
public final class PngImage {
    private PngImage() {
    }

    /** Any thread, once the image is no longer drawn into. */
    public static byte[] encode(Image image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", bytes)) {
                throw new IOException("no PNG encoder available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
