package org.a2clab.experiment;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;

/**
 * An experiment as the app's New experiment… dialog asks for it: the base settings, at most one
 * hyperparameter varied over a list of values, the seeds, the budget and stop rule, and how many
 * runs train at once. Parsing the typed text gives messages that name the field and the problem.
 */
public record ExperimentPlan(Hyperparameters base, HyperparameterSpec vary, List<Double> values, long[] seeds,
        StopRule rule, long evalEvery, int evalEpisodes, int parallel) {

    public ExperimentPlan {
        if (vary != null && values.isEmpty()) {
            throw new IllegalArgumentException("values: give at least one value of " + vary.option().substring(2));
        }
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds: give a count or a list");
        }
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("parallel runs must be in [1, 64], got " + parallel);
        }
        if (evalEvery < 0) {
            throw new IllegalArgumentException("evaluate every must be ≥ 0 env steps (0: no evaluation), got " + evalEvery);
        }
    }

    /** "1e-3, 3e-3"; a switch takes true/false, a choice its names ("linear", "gaussian"). Each value is range-checked. */
    public static List<Double> parseValues(HyperparameterSpec spec, String text) {
        Set<Double> out = new LinkedHashSet<>();
        String name = spec.option().substring(2);
        for (String raw : text.split("[,;\\s]+")) {
            String v = raw.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            double value;
            Double named = byName(spec, v);
            if (named != null) {
                value = named;
            } else {
                try {
                    value = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": '" + raw.trim() + "' is not a number"
                            + (isChoice(spec) ? " or one of " + String.join(", ", names(spec)) : ""));
                }
            }
            spec.check(value);
            if (!out.add(value)) {
                throw new IllegalArgumentException(name + ": " + raw.trim() + " appears twice");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": give the values to try, e.g. 1e-3, 3e-3");
        }
        return new ArrayList<>(out);
    }

    /** A switch or a choice (α schedule, policy): a few whole-number values, each with a name. */
    private static boolean isChoice(HyperparameterSpec spec) {
        return spec.min() == Math.rint(spec.min()) && spec.max() - spec.min() <= 16 && !names(spec).isEmpty();
    }

    /**
     * The names of a choice's values as the JSON form writes them ("linear", "gaussian", true),
     * found by setting each value: so a choice added later is typed by name without edits here.
     */
    private static List<String> names(HyperparameterSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.min() != Math.rint(spec.min()) || spec.max() - spec.min() > 16) {
            return out;
        }
        try {
            JsonObject low = HyperparametersJson.write(spec.with(Hyperparameters.DEFAULTS, spec.min()));
            JsonObject high = HyperparametersJson.write(spec.with(Hyperparameters.DEFAULTS, spec.max()));
            String key = low.keySet().stream().filter(k -> !low.get(k).equals(high.get(k))).findFirst().orElse(null);
            if (key == null || low.get(key).getAsJsonPrimitive().isNumber()) {
                return out;
            }
            for (int i = (int) spec.min(); i <= spec.max(); i++) {
                out.add(HyperparametersJson.write(spec.with(Hyperparameters.DEFAULTS, i)).get(key).getAsString());
            }
        } catch (IllegalArgumentException e) {
            out.clear();
        }
        return out;
    }

    private static Double byName(HyperparameterSpec spec, String text) {
        List<String> names = names(spec);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(text)) {
                return spec.min() + i;
            }
        }
        return null;
    }

    /** "5" → 5 seeds from {@code first}; "1, 4, 9" → those. */
    public static long[] parseSeeds(String text, long first) {
        String t = text.trim();
        if (t.matches("[0-9]+")) {
            long n = Long.parseLong(t);
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("seeds: a count must be in [1, 1000], got " + t);
            }
            long[] out = new long[(int) n];
            for (int i = 0; i < n; i++) {
                try {
                    out[i] = Math.addExact(first, i);
                } catch (ArithmeticException e) {
                    // a wrapped seed would repeat a negative one as if it were new
                    throw new IllegalArgumentException("seeds: " + n + " seeds from seed " + first
                            + " would go past the largest seed, " + Long.MAX_VALUE + "; give a list");
                }
            }
            return out;
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (String part : t.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                if (!seeds.add(Long.parseLong(part))) {
                    throw new IllegalArgumentException("seeds: " + part + " appears twice");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seeds: '" + part + "' is not an integer; give a count (5) or a list (1, 2, 7)");
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("seeds: give a count (5) or a list (1, 2, 7)");
        }
        return seeds.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every run: value-major, then seed, each in a new folder of {@code workspace}. */
    public List<ExperimentEngine.PlannedRun> runs(Workspace workspace, LocalDateTime now) throws IOException {
        List<ExperimentEngine.PlannedRun> out = new ArrayList<>();
        List<Double> vs = vary == null ? java.util.Collections.singletonList(null) : values;
        for (Double v : vs) {
            Hyperparameters hp = v == null ? base : vary.with(base, v);
            // an auto α follows each value's workers × n, as sweep's does without --lr
            if (base.learningRateDerived() && vary != HyperparameterSpec.LEARNING_RATE) {
                hp = hp.withDerivedLearningRate();
            }
            String label = v == null ? "experiment" : vary.option().substring(2) + "=" + SettingsText.number(v);
            // created now, so two values that print alike still get folders of their own
            Path group = workspace.newExperimentFolder(label, now);
            for (long seed : seeds) {
                RunSettings s = new RunSettings(hp.withSeed(seed), rule, evalEvery, evalEpisodes);
                out.add(new ExperimentEngine.PlannedRun(s, group.resolve("seed-" + seed)));
            }
        }
        return out;
    }

    public int runCount() {
        return (vary == null ? 1 : values.size()) * seeds.length;
    }
}
