package org.a2clab.ui.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user where to export, what to open, and whether to go on when something would be
 * replaced; empty (or false) when cancelled. The app uses file choosers and dialogs
 * ({@link FileChooserPrompts}); tests answer with paths in a temporary directory.
 */
public interface ModelPrompts {
    /** A new (or empty, or existing bundle) directory to write the bundle into. */
    Optional<Path> exportDirectory();

    /** The .zip file to write. */
    Optional<Path> exportZip();

    /** The .onnx file to write. */
    Optional<Path> exportOnnx();

    /** A bundle directory (the folder itself). */
    Optional<Path> modelToOpen();

    /** A .zip of a bundle. */
    Optional<Path> modelZipToOpen();

    /**
     * Which weights to export, offered as {@code best} ("best so far (greedy mean R … at step …)")
     * and {@code current}; asked only when the run has a best checkpoint.
     */
    Optional<ExportChoice> exportChoice(String best, String current);

    /** True when the user goes on with {@code action} (e.g. "Open and replace") after reading {@code question}. */
    boolean confirm(String header, String question, String action);
}
