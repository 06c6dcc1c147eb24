package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.a2clab.experiment.RunJson;
import org.a2clab.experiment.RunScores;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.experiment.Versus;
import org.a2clab.stats.ProbabilityOfImprovement.Estimate;

/**
 * A sweep's values compared two by two, in --vary order (V1 vs V2, V1 vs V3, V2 vs V3, …):
 * P(a faster) on env steps to the target and P(a higher return) on the final mean-100 return,
 * with 95% bootstrap intervals, for summary.json's "pairwise", summary.csv and the seeds needed.
 */
final class SweepPairwise {
    static final String CSV_HEADER = "a,b,p_a_faster,p_a_faster_ci95_low,p_a_faster_ci95_high,p_a_higher_return,"
            + "p_a_higher_return_ci95_low,p_a_higher_return_ci95_high";

    /** One pair; {@code versus} is null when either value has no finished run. */
    record Pair(String a, String b, Versus versus) {
    }

    private SweepPairwise() {
    }

    static List<Pair> of(List<SweepCommand.Group> groups, List<List<TrainingRun.Outcome>> finished) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                boolean both = !finished.get(i).isEmpty() && !finished.get(j).isEmpty();
                pairs.add(new Pair(groups.get(i).value(), groups.get(j).value(), both
                        ? Versus.of(RunScores.ofOutcomes(finished.get(i)), RunScores.ofOutcomes(finished.get(j)))
                        : null));
            }
        }
        return pairs;
    }

    /** summary.json's "pairwise": exactly the keys the issue names. */
    static JsonArray json(List<Pair> pairs) {
        JsonArray a = new JsonArray();
        for (Pair p : pairs) {
            JsonObject o = new JsonObject();
            o.add("a", SweepCommand.valueJson(p.a()));
            o.add("b", SweepCommand.valueJson(p.b()));
            add(o, "p_a_faster", p.versus() == null ? null : p.versus().faster());
            add(o, "p_a_higher_return", p.versus() == null ? null : p.versus().higherReturn());
            a.add(o);
        }
        return a;
    }

    /** summary.json's "seeds_needed": per pair, the seeds per value for intervals under ±0.1. */
    static JsonArray seedsNeeded(List<Pair> pairs) {
        JsonArray a = new JsonArray();
        for (Pair p : pairs) {
            JsonObject o = new JsonObject();
            o.add("a", SweepCommand.valueJson(p.a()));
            o.add("b", SweepCommand.valueJson(p.b()));
            o.add("faster", count(p.versus() == null ? OptionalInt.empty() : p.versus().seedsFaster()));
            o.add("higher_return", count(p.versus() == null ? OptionalInt.empty() : p.versus().seedsHigherReturn()));
            a.add(o);
        }
        return a;
    }

    /** The rows under {@link #CSV_HEADER}; empty cells where a value has no finished run. */
    static List<String> csv(List<Pair> pairs) {
        List<String> lines = new ArrayList<>();
        for (Pair p : pairs) {
            StringBuilder line = new StringBuilder(p.a() + "," + p.b());
            for (Estimate e : p.versus() == null ? new Estimate[] {null, null}
                    : new Estimate[] {p.versus().faster(), p.versus().higherReturn()}) {
                line.append(e == null ? ",,," : String.format(Locale.ROOT, ",%.4f,%.4f,%.4f", e.p(), e.ci95().low(),
                        e.ci95().high()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static void add(JsonObject o, String key, Estimate e) {
        if (e == null) {
            o.add(key, JsonNull.INSTANCE);
            o.add(key + "_ci95", JsonNull.INSTANCE);
            return;
        }
        o.addProperty(key, RunJson.round(e.p(), 4));
        o.add(key + "_ci95", RunJson.interval(e.ci95(), 4));
    }

    private static JsonElement count(OptionalInt n) {
        return n.isPresent() ? new JsonPrimitive(n.getAsInt()) : JsonNull.INSTANCE;
    }
}
