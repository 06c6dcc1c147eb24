package org.a2clab.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.media.AnimatedGif;

/** An episode as a looping GIF, one {@link EpisodePicture} per step. */
public final class EpisodeGif {
    private EpisodeGif() {
    }

    /**
     * Writes {@code frames} to {@code target} at {@code fps} frames per second (1-50), atomically:
     * a failed write leaves whatever {@code target} held untouched and no temporary file behind.
     */
    public static void write(Path target, List<EpisodeFrame> frames, int fps) throws IOException {
        AnimatedGif.write(target, EpisodePicture.palette(), fps, frames.size(), i -> EpisodePicture.image(frames.get(i)));
    }
}
