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
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.A2c;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.train.TrainingResult;

/** {@code bench}: train several seeds with the same settings and report medians. */
final class BenchCommand {
    static final String HELP = "usage: a2c-lab bench [options]\n"
            + "Trains one run per seed (--seed, --seed+1, ...) and prints a table and a JSON line with\n"
            + "the median env steps/s, median env steps and seconds to the target, solved count and\n"
            + "peak resident memory.\n"
            + HyperparameterOptions.HELP
            + "  --seeds N           number of seeds (default 5)\n"
            + "  --max-steps N       env step budget per seed (default 1000000)\n"
            + "  --target-return X   target mean return of the last 100 episodes (default 475)\n";

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(Set.of("--seeds", "--max-steps", "--target-return"));
        Options o = new Options(args, 1, valued, HyperparameterOptions.FLAGS);
        Hyperparameters base = HyperparameterOptions.parse(o);
        int seeds = o.intValue("--seeds", 5);
        if (seeds < 1 || seeds > 100) {
            throw new UsageException("--seeds must be in [1, 100], got " + seeds);
        }
        StopRule rule = HyperparameterOptions.stopRule(o);

        DjlRuntime.prepareTrainingThread();
        List<TrainingResult> results = new ArrayList<>();
        out.println("seed  solved  env_steps  seconds  steps/s  mean100");
        for (int i = 0; i < seeds; i++) {
            Hyperparameters hp = base.withSeed(base.seed() + i);
            try (A2c a2c = new A2c(hp)) {
                TrainingResult r = rule.runUntilDone(a2c, (algo, stats) -> { });
                results.add(r);
                out.println(String.format(Locale.ROOT, "%4d  %6s  %9d  %7.2f  %7.0f  %7.1f", hp.seed(),
                        r.solved(), r.envSteps(), r.trainingSeconds(), r.stepsPerSecond(),
                        r.meanReturnLast100()));
            }
        }
        JsonObject summary = new JsonObject();
        summary.addProperty("seeds", seeds);
        summary.addProperty("solved", results.stream().filter(TrainingResult::solved).count());
        summary.addProperty("median_steps_per_s", Math.round(median(results.stream().mapToDouble(TrainingResult::stepsPerSecond).toArray())));
        summary.addProperty("median_env_steps", Math.round(median(results.stream().mapToDouble(TrainingResult::envSteps).toArray())));
        summary.addProperty("median_seconds", TrainCommand.round(median(results.stream().mapToDouble(TrainingResult::trainingSeconds).toArray()), 3));
        summary.addProperty("peak_rss_mb", peakRssMegabytes());
        summary.addProperty("device", results.get(0).device());
        summary.add("hyperparameters", Json.hyperparameters(base));
        JsonArray runs = new JsonArray();
        results.forEach(r -> runs.add(TrainCommand.summary(r)));
        summary.add("runs", runs);
        out.println(Json.GSON.toJson(summary));
        return 0;
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
