package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.a2clab.experiment.ExperimentEngine;
import org.a2clab.experiment.RunJson;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.TrainingRun;

/**
 * {@code sweep}: every value of one hyperparameter × every seed, in parallel, with statistics
 * per value and plots, so a learner sees whether a change is an effect or seed luck.
 */
final class SweepCommand {
    static final String HELP = "usage: a2c-lab sweep --vary NAME=V1,V2,... --out DIR [options]\n"
            + "Trains every value of one hyperparameter with every seed and writes, under DIR:\n"
            + "runs/NAME=VALUE/seed-S/{metrics.jsonl,result.json}, summary.csv (one row per run),\n"
            + "summary.json (per value: solved fraction, median env steps to the target with its 95%\n"
            + "bootstrap interval, IQM of the final mean-100 return with its interval; per pair of values\n"
            + "in --vary order, \"pairwise\": P(a faster) and P(a higher final return) with 95% intervals,\n"
            + "and \"seeds_needed\" for intervals under +-0.1; summary.csv lists the pairs after the runs)\n"
            + "and PNG plots (also performance_profile.png and iqm_curves.png).\n"
            + "The last stdout line is summary.json. Ctrl-C stops and keeps the finished runs.\n"
            + "  --vary NAME=V1,...  a train option without its dashes, e.g. gae-lambda=0.9,0.95,1\n"
            + "                      or normalize-advantage=false,true\n"
            + "  --out DIR           output directory (new or empty)\n"
            + SeedOptions.HELP
            + "  --max-steps N       env step budget per run (default 1000000)\n"
            + "  --target-return X   target mean return of the last 100 episodes (default 475)\n"
            + "Any other train option fixes that hyperparameter for all runs:\n"
            + HyperparameterOptions.HELP
            + RunOptions.EVAL_HELP.replace("(default 20000)", "(default 0)");

    private static final Set<String> STOP = Set.of("--max-steps", "--target-return", "--eval-every", "--eval-episodes");

    private SweepCommand() {
    }

    /** One value of the varied option, with the settings it gives. */
    record Group(String value, RunSettings settings) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = valuedOptions();
        Options o = new Options(args, 1, valued, Set.of());
        String vary = o.required("--vary");
        String name = varyName(vary);
        // the options every run shares first, so their errors are not reported as a value's
        RunSettings base = RunOptions.parse(o, 0);
        List<Group> groups = groups(args, valued, name, vary.substring(vary.indexOf('=') + 1));
        long[] seeds = SeedOptions.seeds(o, base.hp().seed());
        int parallel = SeedOptions.parallel(o);
        OutputPlan outputs = new OutputPlan().target("--out", o.required("--out"), OutputPlan.Kind.FOLDER).check(err);
        RunOptions.checkDevice(base);
        outputs.prepare();
        Path dir = outputs.path("--out");
        Files.createDirectories(dir.resolve("runs"));
        // one line per α the values give (a --vary of envs or n-steps derives one per value)
        groups.stream().map(g -> HyperparameterOptions.derivedNote(g.settings().hp())).flatMap(Optional::stream)
                .distinct().forEach(err::println);

        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch summaryWritten = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C: stop the runs in progress and let the main thread summarise the finished ones
            cancelled.set(true);
            try {
                summaryWritten.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "a2c-sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<ExperimentEngine.PlannedRun> plan = new ArrayList<>();
            for (Group g : groups) {
                for (long seed : seeds) {
                    RunSettings s = g.settings().withHyperparameters(g.settings().hp().withSeed(seed));
                    plan.add(new ExperimentEngine.PlannedRun(s, runDir(dir, name, g.value(), seed)));
                }
            }
            AtomicInteger done = new AtomicInteger();
            progress(err, 0, plan.size());
            List<TrainingRun.Outcome> outcomes = ExperimentEngine.run(plan, parallel, ExperimentEngine.Keep.SWEEP,
                    run -> cancelled.get(), new ExperimentEngine.Listener() {
                        @Override
                        public void finished(int run, TrainingRun.Outcome outcome) {
                            progress(err, done.incrementAndGet(), plan.size());
                        }
                    });
            err.println();
            JsonObject summary = SweepSummary.write(dir, name, groups, seeds, base, outcomes);
            if (cancelled.get()) {
                err.println("a2c-lab sweep: stopped; " + done.get() + " of " + plan.size()
                        + " runs finished and are summarised in " + dir.resolve("summary.json"));
            }
            out.println(Json.line(summary, err));
            out.flush();
            return cancelled.get() ? 130 : 0;
        } finally {
            summaryWritten.countDown();
            if (!cancelled.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private static Set<String> valuedOptions() {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(SeedOptions.NAMES);
        valued.addAll(STOP);
        valued.addAll(Set.of("--vary", "--out"));
        return valued;
    }

    /** The option the sweep varies, checked before anything runs. */
    static String varyName(String vary) {
        int eq = vary.indexOf('=');
        if (eq <= 0 || eq == vary.length() - 1) {
            throw new UsageException("--vary must look like NAME=V1,V2,..., got '" + vary + "'");
        }
        String name = vary.substring(0, eq).trim();
        String option = "--" + name;
        if (option.equals("--seed") || option.equals("--device") || !HyperparameterOptions.NAMES.contains(option)) {
            List<String> names = new ArrayList<>();
            HyperparameterOptions.NAMES.forEach(n -> names.add(n.substring(2)));
            names.remove("seed");
            names.remove("device");
            names.sort(null);
            throw new UsageException("--vary: unknown hyperparameter '" + name + "'; one of "
                    + String.join(", ", names) + " (seeds go in --seeds or --seed-list)");
        }
        return name;
    }

    /**
     * Parses every value with the train options, so a bad one is refused before any run. A value's
     * key is the settings it gives: two spellings of one value (1e-3 and 0.001, adam and ADAM) are
     * refused, so two groups never train the same thing and no two folders name one value in two
     * spellings (adam and ADAM would be one folder on a case-insensitive file system).
     */
    static List<Group> groups(String[] args, Set<String> valued, String name, String csv) {
        String option = "--" + name;
        List<Group> groups = new ArrayList<>();
        Map<RunSettings, String> seen = new HashMap<>();
        for (String value : Options.items("--vary " + name, csv)) {
            // the varied value comes last, and the last value of an option wins
            List<String> a = new ArrayList<>(Arrays.asList(args));
            a.add(option);
            a.add(value);
            RunSettings s;
            try {
                s = RunOptions.parse(new Options(a.toArray(new String[0]), 1, valued, Set.of()), 0);
            } catch (UsageException e) {
                throw new UsageException("--vary " + name + "=" + value + ": " + e.getMessage());
            }
            String same = seen.putIfAbsent(s, value);
            if (same != null) {
                throw new UsageException("--vary " + name + ": " + same + " and " + value + " are the same value");
            }
            groups.add(new Group(value, s));
        }
        return groups;
    }

    static Path runDir(Path dir, String name, String value, long seed) {
        return dir.resolve("runs").resolve(name + "=" + value).resolve("seed-" + seed);
    }

    static void writeJson(Path file, JsonElement json) throws IOException {
        RunJson.write(file, json);
    }

    /** A value as JSON: a number or boolean where it is one, else the string. */
    static JsonElement valueJson(String value) {
        if (value.equals("true") || value.equals("false")) {
            return new JsonPrimitive(Boolean.parseBoolean(value));
        }
        try {
            return new JsonPrimitive(Long.parseLong(value));
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            return new JsonPrimitive(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return new JsonPrimitive(value);
        }
    }

    private static synchronized void progress(PrintStream err, int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d runs ", "#".repeat(filled),
                " ".repeat(width - filled), done, total));
        err.flush();
    }

    static JsonArray seedsJson(long[] seeds) {
        JsonArray a = new JsonArray();
        for (long s : seeds) {
            a.add(s);
        }
        return a;
    }
}
