package org.a2clab.ui.inspector;

import java.util.function.Supplier;
import org.a2clab.inspect.EpisodeFrame;

/**
 * A picture of one episode frame for the exported PNG sequence: drawn when {@link #render} is
 * called on the FX thread, encoded as PNG when the supplier is asked (on a background thread).
 * An interface so the view-model stays off the scene graph and off AWT (the app uses
 * {@link CartPoleFrames}).
 */
@FunctionalInterface
public interface FrameImages {
    Supplier<byte[]> render(EpisodeFrame frame);
}
