package org.a2clab.ui.inspector;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks where an episode export goes; empty when cancelled. The app uses file choosers
 * ({@link EpisodeFileChoosers}); tests answer with paths in a temporary directory.
 */
public interface EpisodePrompts {
    /** The .csv file to write. */
    Optional<Path> csvFile();

    /** The folder to write frame-0000.png, … into (an existing folder keeps its other files). */
    Optional<Path> framesFolder();

    /** The .gif file to write. */
    Optional<Path> gifFile();
}
