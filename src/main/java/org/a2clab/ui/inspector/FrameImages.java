package org.a2clab.ui.inspector;

import java.util.function.Supplier;
import org.a2clab.inspect.EpisodeFrame;

/**
 * A picture of one episode frame for the exported PNG sequence: {@link #render} is called on the
 * FX thread, the supplier's PNG bytes are asked for on a background thread, so a picture that
 * needs the FX thread is drawn in the first and one in plain Java in the second (the app's
 * {@link CartPoleFrames}). An interface so the view-model stays off the scene graph and off AWT.
 */
@FunctionalInterface
public interface FrameImages {
    Supplier<byte[]> render(EpisodeFrame frame);
}
