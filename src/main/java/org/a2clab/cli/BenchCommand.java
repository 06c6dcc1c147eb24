package org.a2clab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.a2clab.experiment.ParallelRuns;
import org.a2clab.experiment.RunJson;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.SeedReport;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.TrainingResult;

/**
 * {@code bench}: one run per seed with the same settings, several at once, and statistics over
 * the seeds (median and IQM with 95% bootstrap intervals, fraction solved) and the speed.
 */
final class BenchCommand {
    static final String HELP = "usage: a2c-lab bench [options]\n"
            + "Trains one run per seed, --parallel at a time, and prints a line per finished run\n"
            + "and, last, a JSON line: aggregate env steps/s, solved count, median env steps to the\n"
            + "target (unsolved runs count as infinite; null if most are) with its 95% bootstrap\n"
            + "interval, IQM of the final mean-100 return with its interval, CPU model and runs.\n"
            + HyperparameterOptions.HELP
            + SeedOptions.HELP
            + "  --max-steps N       env step budget per seed (default 1000000)\n"
            + "  --target-return X   target mean return of the last 100 episodes (default 475)\n"
            + RunOptions.EVAL_HELP.replace("(default " + BestCheckpoint.DEFAULT_EVERY + ")", "(default 0)");

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(SeedOptions.NAMES);
        valued.addAll(Set.of("--max-steps", "--target-return", "--eval-every", "--eval-episodes"));
        Options o = new Options(args, 1, valued, Set.of());
        RunSettings settings = RunOptions.parse(o, 0);
        long[] seeds = SeedOptions.seeds(o, settings.hp().seed());
        int parallel = SeedOptions.parallel(o);
        HyperparameterOptions.derivedNote(settings.hp()).ifPresent(err::println);

        List<ParallelRuns.Task<TrainingRun.Outcome>> tasks = new ArrayList<>();
        for (long seed : seeds) {
            RunSettings run = settings.withHyperparameters(settings.hp().withSeed(seed));
            tasks.add(() -> TrainingRun.run(run, null, null, null, () -> false, true));
        }
        out.println("seed  solved  env_steps  seconds  steps/s  mean100");
        long start = System.nanoTime();
        List<TrainingRun.Outcome> outcomes = ParallelRuns.run(tasks, parallel, outcome -> {
            TrainingResult r = outcome.result();
            synchronized (out) {
                out.println(String.format(Locale.ROOT, "%4d  %6s  %9d  %7.2f  %7.0f  %7.1f", r.hp().seed(),
                        r.solved(), r.envSteps(), r.trainingSeconds(), r.stepsPerSecond(),
                        r.meanReturnLast100()));
            }
        });
        double wall = (System.nanoTime() - start) / 1e9;
        out.println(Json.line(summary(settings, outcomes, parallel, wall), err));
        return 0;
    }

    static JsonObject summary(RunSettings settings, List<TrainingRun.Outcome> outcomes, int parallel,
            double wallSeconds) {
        List<TrainingResult> results = outcomes.stream().map(TrainingRun.Outcome::result).toList();
        SeedReport report = SeedReport.of(outcomes);
        long totalSteps = results.stream().mapToLong(TrainingResult::envSteps).sum();
        JsonObject summary = new JsonObject();
        summary.addProperty("seeds", results.size());
        summary.addProperty("parallel", parallel);
        summary.addProperty("aggregate_steps_per_s", Math.round(totalSteps / wallSeconds));
        summary.addProperty("wall_s", TrainCommand.round(wallSeconds, 2));
        summary.addProperty("solved", report.solved());
        summary.addProperty("solved_fraction", report.solvedFraction());
        summary.add("median_env_steps", RunJson.finiteOrNull(report.medianStepsToTarget(), 0));
        summary.add("median_env_steps_ci95", RunJson.interval(report.medianStepsCi(), 0));
        summary.add("iqm_final_return", RunJson.finiteOrNull(report.iqmFinalReturn(), 2));
        summary.add("iqm_final_return_ci95", RunJson.interval(report.iqmFinalReturnCi(), 2));
        summary.addProperty("slowest_seed", report.slowestSeed());
        summary.add("slowest_env_steps", RunJson.finiteOrNull(report.slowestSteps(), 0));
        summary.addProperty("median_steps_per_s", Math.round(median(results.stream().mapToDouble(TrainingResult::stepsPerSecond).toArray())));
        summary.addProperty("peak_rss_mb", peakRssMegabytes());
        summary.addProperty("device", results.get(0).device());
        summary.addProperty("cpu", SeedOptions.cpuModel());
        summary.addProperty("target_return", settings.rule().targetReturn());
        summary.addProperty("max_steps", settings.rule().maxSteps());
        summary.add("hyperparameters", Json.hyperparameters(settings.hp()));
        JsonArray runs = new JsonArray();
        for (TrainingResult r : results) {
            JsonObject run = new JsonObject();
            run.addProperty("seed", r.hp().seed());
            run.addProperty("solved", r.solved());
            run.addProperty("env_steps", r.envSteps());
            run.addProperty("wall_s", TrainCommand.round(r.trainingSeconds(), 3));
            run.addProperty("steps_per_s", Math.round(r.stepsPerSecond()));
            run.add("mean_return_last100", RunJson.finiteOrNull(r.meanReturnLast100(), 2));
            runs.add(run);
        }
        summary.add("runs", runs);
        return summary;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Peak resident set size (VmHWM) in MB, or -1 where /proc is not available. */
    static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
