package org.a2clab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.a2clab.export.BundleException;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;
import org.a2clab.export.OnnxExport;

/** {@code export}: pack a bundle directory into one .zip to share, or write its network as ONNX. */
final class ExportCommand {
    static final String HELP = "usage: a2c-lab export --model PATH (--zip FILE | --onnx FILE | both)\n"
            + "Checks the bundle (it must load), then packs its files into a .zip and/or writes the\n"
            + "network as ONNX (opset 13, float32; input obs [batch,4]; outputs probs [batch,2] and\n"
            + "value [batch,1] for a categorical policy, mean [batch,1], std [batch,1] and value [batch,1]\n"
            + "for a Gaussian one). Each file is written to a temporary file first, so an existing one is\n"
            + "only replaced by a complete file.\n"
            + "  --model PATH        model bundle directory (from train --save); for --onnx also its .zip\n"
            + "  --zip FILE          the .zip to write\n"
            + "  --onnx FILE         the .onnx model to write\n";

    private ExportCommand() {
    }

    static int run(String[] args, PrintStream err) throws BundleException {
        Options o = new Options(args, 1, Set.of("--model", "--zip", "--onnx"), Set.of());
        if (!o.has("--zip") && !o.has("--onnx")) {
            throw new UsageException("give --zip FILE, --onnx FILE or both");
        }
        OutputPlan plan = new OutputPlan()
                .input("--model", o.required("--model"))
                .target("--zip", o.string("--zip", null), OutputPlan.Kind.FILE)
                .target("--onnx", o.string("--onnx", null), OutputPlan.Kind.FILE)
                .check(err);
        Path zip = plan.path("--zip");
        Path onnx = plan.path("--onnx");
        Path dir = Path.of(o.required("--model"));
        if (zip != null && Files.isRegularFile(dir)) {
            throw new UsageException("--model: " + dir + " is a file; --zip packs a bundle directory "
                    + "(from train --save) into a .zip, and a .zip is already shared as it is");
        }
        // Loading validates every file, so a broken bundle is refused rather than shared.
        try (LoadedModel checked = ModelOption.load(o, err)) {
            plan.prepare();
            if (zip != null) {
                ModelBundle.zip(dir, zip);
                err.println("wrote " + zip);
            }
            if (onnx != null) {
                OnnxExport.write(checked.network(), onnx);
                err.println("wrote " + onnx);
            }
        }
        return 0;
    }
}
