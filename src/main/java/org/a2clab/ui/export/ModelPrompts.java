package org.a2clab.ui.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user where to export and what to open; empty when cancelled. The app uses file
 * choosers ({@link FileChooserPrompts}); tests answer with paths in a temporary directory.
 */
public interface ModelPrompts {
    /** A new (or empty, or existing bundle) directory to write the bundle into. */
    Optional<Path> exportDirectory();

    /** The .zip file to write. */
    Optional<Path> exportZip();

    /** A bundle directory or a .zip of one. */
    Optional<Path> modelToOpen();
}
