package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.BundleException;
import org.a2clab.train.A2c;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.StopRule;
import org.a2clab.train.TrainingResult;

/** {@code train}: headless A2C until the target return or the step budget. */
final class TrainCommand {
    static final String HELP = "usage: a2c-lab train [options]\n"
            + "Trains A2C on CartPole-v1 until the mean return of the last 100 episodes reaches\n"
            + "--target-return or --max-steps env steps are spent. Progress goes to stderr; the last\n"
            + "line on stdout is a JSON summary.\n"
            + HyperparameterOptions.HELP
            + "  --max-steps N       env step budget (default 1000000)\n"
            + "  --target-return X   stop when mean return of last 100 episodes >= X (default 475)\n"
            + "  --metrics FILE      write one JSON line per update and per episode (.jsonl)\n"
            + "  --save DIR          write the trained model bundle to DIR (manifest, DJL parameters,\n"
            + "                      model.safetensors, metrics.csv, episodes.csv)\n";

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException, BundleException {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(Set.of("--max-steps", "--target-return", "--metrics", "--save"));
        Options o = new Options(args, 1, valued, HyperparameterOptions.FLAGS);
        Hyperparameters hp = HyperparameterOptions.parse(o);
        StopRule rule = HyperparameterOptions.stopRule(o);
        Path metricsPath = o.has("--metrics") ? Path.of(o.string("--metrics", "")) : null;
        Path saveDir = o.has("--save") ? Path.of(o.string("--save", "")) : null;
        if (saveDir != null) {
            Outputs.checkWritableTarget("--save", saveDir);
            Outputs.checkBundleTarget(saveDir);
        }

        DjlRuntime.prepareTrainingThread();
        TrainingResult result;
        // Kept only for --save: a bundle carries its training curves as CSV.
        MetricsLog log = saveDir == null ? null : new MetricsLog();
        try (A2c a2c = new A2c(hp);
                MetricsWriter metrics = metricsPath == null ? null : new MetricsWriter(metricsPath)) {
            ProgressBar progress = new ProgressBar(err, rule);
            result = rule.runUntilDone(a2c, (algo, stats) -> {
                progress.show(stats);
                if (metrics != null) {
                    metrics.write(stats, algo.finishedEpisodes());
                }
                if (log != null) {
                    log.record(stats, algo.finishedEpisodes());
                }
            });
            progress.finish();
            if (metrics != null) {
                metrics.commit();
            }
            if (saveDir != null) {
                Outputs.saveBundle(a2c, result, log, saveDir);
                err.println("saved model bundle to " + saveDir.toAbsolutePath());
            }
        }
        out.println(Json.GSON.toJson(summary(result)));
        return 0;
    }

    static JsonObject summary(TrainingResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("solved", r.solved());
        o.addProperty("env_steps", r.envSteps());
        o.addProperty("wall_s", round(r.trainingSeconds(), 3));
        o.addProperty("steps_per_s", Math.round(r.stepsPerSecond()));
        o.addProperty("mean_return_last100", round(r.meanReturnLast100(), 2));
        o.addProperty("episodes", r.episodes());
        o.addProperty("updates", r.updates());
        o.addProperty("device", r.device());
        o.addProperty("seed", r.hp().seed());
        o.add("hyperparameters", Json.hyperparameters(r.hp()));
        return o;
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
