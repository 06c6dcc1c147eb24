package org.a2clab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.BundleException;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;

/** {@code --model DIR|ZIP}, shared by the commands that read a bundle. */
final class ModelOption {
    static final String HELP = "  --model PATH        model bundle directory (from train --save) or its .zip\n";

    private ModelOption() {
    }

    /**
     * Loads the bundle on the calling thread, on the CPU (one observation at a time is fastest
     * there). A missing or broken bundle is bad input: exit status 2 with the loader's message.
     * What a killed save left there is repaired first and said on {@code err}, as train does.
     */
    static LoadedModel load(Options o, PrintStream err) {
        Path path = Path.of(o.required("--model"));
        DjlRuntime.prepareTrainingThread();
        ModelBundle.recoverInterruptedSave(path).forEach(note -> err.println("a2c-lab: " + note));
        try {
            return ModelBundle.load(path, DeviceChoice.CPU);
        } catch (BundleException e) {
            throw new UsageException("--model: " + e.getMessage());
        }
    }
}
