package org.a2clab.ui.inspector;

import java.awt.image.BufferedImage;
import org.a2clab.inspect.EpisodeFrame;

/**
 * A picture of one episode frame for the exported PNG sequence. Call on the FX thread; an
 * interface so the view-model stays off the scene graph (the app uses {@link CartPoleFrames}).
 */
@FunctionalInterface
public interface FrameImages {
    BufferedImage render(EpisodeFrame frame);
}
