package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.a2clab.experiment.RunJson;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.SeedReport;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.io.AtomicFiles;

/** Writes a sweep's summary.csv, summary.json and plots from the finished runs. */
final class SweepSummary {
    private SweepSummary() {
    }

    /** {@code outcomes}: group-major, one per seed, null where a run did not finish. */
    static JsonObject write(Path dir, String name, List<SweepCommand.Group> groups, long[] seeds,
            RunSettings base, List<TrainingRun.Outcome> outcomes) throws IOException {
        JsonObject summary = new JsonObject();
        summary.addProperty("vary", name);
        JsonArray values = new JsonArray();
        groups.forEach(g -> values.add(SweepCommand.valueJson(g.value())));
        summary.add("values", values);
        summary.add("seeds", SweepCommand.seedsJson(seeds));
        summary.addProperty("target_return", base.rule().targetReturn());
        summary.addProperty("max_steps", base.rule().maxSteps());
        summary.addProperty("cpu", SeedOptions.cpuModel());
        JsonArray groupsJson = new JsonArray();
        List<String> csv = new ArrayList<>();
        csv.add("value,seed,solved,env_steps_to_target,final_mean_return,wall_s");
        List<List<TrainingRun.Outcome>> finished = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<TrainingRun.Outcome> runs = new ArrayList<>();
            for (int s = 0; s < seeds.length; s++) {
                TrainingRun.Outcome o = outcomes.get(g * seeds.length + s);
                if (o != null) {
                    runs.add(o);
                }
            }
            finished.add(runs);
            groupsJson.add(group(groups.get(g).value(), runs, csv));
        }
        summary.add("groups", groupsJson);
        List<SweepPairwise.Pair> pairs = SweepPairwise.of(groups, finished);
        summary.add("pairwise", SweepPairwise.json(pairs));
        summary.add("seeds_needed", SweepPairwise.seedsNeeded(pairs));
        if (!pairs.isEmpty()) {
            // a second table after a blank line: one row per pair of values
            csv.add("");
            csv.add(SweepPairwise.CSV_HEADER);
            csv.addAll(SweepPairwise.csv(pairs));
        }
        AtomicFiles.write(dir.resolve("summary.csv"), temp -> {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                for (String line : csv) {
                    w.write(line + "\n");
                }
            }
        });
        SweepCommand.writeJson(dir.resolve("summary.json"), summary);
        SweepPlots.write(dir, name, groups, finished);
        return summary;
    }

    private static JsonObject group(String value, List<TrainingRun.Outcome> runs, List<String> csv) {
        JsonObject g = new JsonObject();
        g.add("value", SweepCommand.valueJson(value));
        JsonArray runsJson = new JsonArray();
        for (TrainingRun.Outcome o : runs) {
            JsonObject r = new JsonObject();
            boolean solved = o.result().solved();
            r.addProperty("seed", o.result().hp().seed());
            r.addProperty("solved", solved);
            if (solved) {
                r.addProperty("env_steps_to_target", o.result().envSteps());
            } else {
                r.add("env_steps_to_target", JsonNull.INSTANCE);
            }
            r.add("final_mean_return", RunJson.finiteOrNull(o.result().meanReturnLast100(), 2));
            r.addProperty("wall_s", RunJson.round(o.wallSeconds(), 3));
            runsJson.add(r);
            csv.add(String.format(Locale.ROOT, "%s,%d,%s,%s,%.2f,%.3f", value, o.result().hp().seed(),
                    solved, solved ? Long.toString(o.result().envSteps()) : "", o.result().meanReturnLast100(),
                    o.wallSeconds()));
        }
        g.add("runs", runsJson);
        if (runs.isEmpty()) {
            return g;
        }
        SeedReport report = SeedReport.of(runs);
        g.addProperty("solved_fraction", report.solvedFraction());
        g.add("median_steps_to_target", RunJson.finiteOrNull(report.medianStepsToTarget(), 0));
        g.add("median_steps_to_target_ci95", RunJson.interval(report.medianStepsCi(), 0));
        g.add("iqm_final_return", RunJson.finiteOrNull(report.iqmFinalReturn(), 2));
        g.add("iqm_final_return_ci95", RunJson.interval(report.iqmFinalReturnCi(), 2));
        return g;
    }
}
