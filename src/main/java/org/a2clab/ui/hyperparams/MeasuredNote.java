package org.a2clab.ui.hyperparams;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MeasuredGrid;

/**
 * The quiet note beside workers and n: what the held-out table measured for the chosen cell, said
 * only when the cell lies outside the measured-good region (not measured, under 90% solved or a
 * median over 150k) or α was set by hand (the table measured auto α only). Empty otherwise.
 */
final class MeasuredNote {
    private MeasuredNote() {
    }

    /** {@code grid}: the table of {@code hp}'s policy. */
    static String of(Hyperparameters hp, MeasuredGrid grid) {
        var cell = grid.cell(hp.numEnvs(), hp.nSteps());
        boolean auto = hp.learningRateDerived();
        if (cell.isEmpty()) {
            return "Not measured: " + coverage(grid) + (auto ? "" : ", with auto α only");
        }
        MeasuredGrid.Cell c = cell.get();
        String result = c.solved() + "/" + c.seeds() + " solved within " + thousands(grid.budgetEnvSteps())
                + ", median " + (Double.isFinite(c.medianEnvSteps()) ? thousands(c.medianEnvSteps())
                        : "over " + thousands(grid.budgetEnvSteps()));
        if (!auto) {
            return "Measured with auto α only (" + BatchScaledLearningRate.plain(c.learningRate()) + " at "
                    + c.workers() + " workers × " + c.nSteps() + "): " + result;
        }
        return c.good() ? "" : "Measured at " + c.workers() + " workers × " + c.nSteps() + ": " + result;
    }

    /** "the table covers workers 4, 8, 16, 32, 64 × n 5, 10, 20": a list, so 12 workers is plainly not in it. */
    private static String coverage(MeasuredGrid grid) {
        if (grid.cells().isEmpty()) {
            return "the table is empty";
        }
        return "the table covers workers " + list(grid.workers()) + " × n " + list(grid.nSteps());
    }

    private static String list(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** 162_400 → "162k", 1_000_000 → "1M". */
    private static String thousands(double steps) {
        return steps >= 1_000_000 && steps % 1_000_000 == 0 ? String.format(Locale.ROOT, "%.0fM", steps / 1_000_000)
                : String.format(Locale.ROOT, "%.0fk", steps / 1000);
    }
}
