package org.a2clab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.AtomicFiles;
import org.a2clab.train.A2c;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;

/** Checks and writes the CLI's output files. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Creates {@code path}'s missing parent directories (as {@code mkdir -p} would) and fails
     * early, before any training, if the parent cannot be written.
     */
    static void checkWritableTarget(String option, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null) {
            throw new UsageException(option + ": " + path + " has no parent directory");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot create directory " + parent + " (" + e + ")");
        }
        if (!Files.isWritable(parent)) {
            throw new UsageException(option + ": directory " + parent + " is not writable");
        }
    }

    /**
     * As {@link #checkWritableTarget}, and refuses a {@code path} that exists and is not a regular
     * file: the write ends with a rename, which would replace a directory, FIFO or device.
     */
    static void checkFileTarget(String option, Path path) {
        checkWritableTarget(option, path);
        try {
            AtomicFiles.checkReplaceable(path.toAbsolutePath());
        } catch (FileSystemException e) {
            throw new UsageException(option + ": cannot write " + path + ": " + e.getReason());
        } catch (IOException e) {
            throw new UsageException(option + ": cannot write " + path + ": " + e.getMessage());
        }
    }

    /**
     * Fails early, before any training, if a bundle cannot be saved at {@code dir}; first repairs
     * what an interrupted earlier save left there, saying so on {@code err}.
     */
    static void checkBundleTarget(Path dir, PrintStream err) {
        ModelBundle.recoverInterruptedSave(dir).forEach(note -> err.println("a2c-lab: " + note));
        try {
            ModelBundle.checkSaveTarget(dir);
        } catch (BundleException e) {
            throw new UsageException("--save: " + e.getMessage());
        }
    }

    static void saveBundle(A2c a2c, TrainingResult result, MetricsLog metrics, Path dir) throws BundleException {
        ModelBundle.save(dir, a2c.network(), result, metrics);
    }
}
