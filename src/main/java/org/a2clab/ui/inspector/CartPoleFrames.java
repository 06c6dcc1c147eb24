package org.a2clab.ui.inspector;

import java.util.function.Supplier;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.render.EpisodePicture;

/**
 * Exported PNG frames: {@link EpisodePicture}s (640×360 whatever the window, with a caption of the
 * frame's actor-critic numbers), the same pictures as the GIF export. Plain Java drawing, so the
 * background thread that asks the supplier both draws and encodes; the FX thread does nothing.
 */
public final class CartPoleFrames implements FrameImages {
    static final int WIDTH = EpisodePicture.WIDTH;
    static final int HEIGHT = EpisodePicture.HEIGHT;

    @Override
    public Supplier<byte[]> render(EpisodeFrame f) {
        return () -> EpisodePicture.png(f);
    }
}
