package org.a2clab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.a2clab.export.BundleException;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;

/** {@code export}: pack a bundle directory into one .zip to share. */
final class ExportCommand {
    static final String HELP = "usage: a2c-lab export --model DIR --zip FILE\n"
            + "Checks the bundle (it must load) and packs its files into FILE, written to a temporary\n"
            + "file first so an existing FILE is only replaced by a complete archive.\n"
            + "  --model DIR         model bundle directory (from train --save)\n"
            + "  --zip FILE          the .zip to write\n";

    private ExportCommand() {
    }

    static int run(String[] args, PrintStream err) throws BundleException {
        Options o = new Options(args, 1, Set.of("--model", "--zip"), Set.of());
        Path zip = Path.of(o.required("--zip"));
        Path dir = Path.of(o.required("--model"));
        if (Files.isRegularFile(dir)) {
            throw new UsageException("--model: " + dir + " is a file; export packs a bundle directory "
                    + "(from train --save) into a .zip, and a .zip is already shared as it is");
        }
        Outputs.checkFileTarget("--zip", zip);
        // Loading validates every file, so a broken bundle is refused rather than shared.
        try (LoadedModel checked = ModelOption.load(o)) {
            ModelBundle.zip(dir, zip);
        }
        err.println("wrote " + zip.toAbsolutePath());
        return 0;
    }
}
