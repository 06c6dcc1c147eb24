package org.a2clab.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.a2clab.io.AtomicFiles;
import org.a2clab.stats.ProbabilityOfImprovement;

/** The comparison table as CSV: one row per group, the differing settings first; +∞ is written "inf". */
public final class ComparisonCsv {
    private ComparisonCsv() {
    }

    public static List<String> lines(List<Comparison.Group> groups) {
        List<String> keys = Comparison.differingKeys(groups);
        List<String> out = new ArrayList<>();
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of("seeds", "finished", "solved_fraction", "median_steps_to_target", "steps_ci_low",
                "steps_ci_high", "iqm_final_return", "iqm_ci_low", "iqm_ci_high", "median_wall_s", "baseline",
                "p_faster_than_baseline", "p_faster_ci_low", "p_faster_ci_high", "p_higher_return_than_baseline",
                "p_higher_return_ci_low", "p_higher_return_ci_high", "seeds_needed_faster",
                "seeds_needed_higher_return"));
        out.add(String.join(",", header));
        for (Comparison.Group g : groups) {
            Map<String, String> values = SettingsText.values(g.settings());
            List<String> row = new ArrayList<>();
            keys.forEach(k -> row.add(quote(values.get(k))));
            row.add(quote(java.util.Arrays.stream(g.seeds()).mapToObj(Long::toString).collect(Collectors.joining(" "))));
            row.add(Integer.toString(g.finished()));
            SeedReport r = g.report();
            if (r == null) {
                row.addAll(List.of("", "", "", "", "", "", "", ""));
            } else {
                row.add(num(r.solvedFraction()));
                row.add(num(r.medianStepsToTarget()));
                row.add(num(r.medianStepsCi().low()));
                row.add(num(r.medianStepsCi().high()));
                row.add(num(r.iqmFinalReturn()));
                row.add(num(r.iqmFinalReturnCi().low()));
                row.add(num(r.iqmFinalReturnCi().high()));
                row.add(num(g.medianWallSeconds()));
            }
            row.add(Boolean.toString(g.baseline()));
            versus(g.versus(), row);
            out.add(String.join(",", row));
        }
        return out;
    }

    /** P(better than the baseline) on both metrics with their intervals, and the seeds needed; empty cells without. */
    private static void versus(Versus v, List<String> row) {
        if (v == null) {
            row.addAll(List.of("", "", "", "", "", "", "", ""));
            return;
        }
        for (ProbabilityOfImprovement.Estimate e : List.of(v.faster(), v.higherReturn())) {
            row.add(num(e.p()));
            row.add(num(e.ci95().low()));
            row.add(num(e.ci95().high()));
        }
        row.add(v.seedsFaster().isPresent() ? Integer.toString(v.seedsFaster().getAsInt()) : "");
        row.add(v.seedsHigherReturn().isPresent() ? Integer.toString(v.seedsHigherReturn().getAsInt()) : "");
    }

    public static void write(Path file, List<Comparison.Group> groups) throws IOException {
        List<String> lines = lines(groups);
        AtomicFiles.write(file, temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    w.write(line + "\n");
                }
            }
        });
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
