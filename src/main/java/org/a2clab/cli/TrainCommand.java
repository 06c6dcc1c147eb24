package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.BestCheckpoint;
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
            + "                      model.safetensors, model.onnx, metrics.csv, episodes.csv) and,\n"
            + "                      with evaluation on, the best-evaluated network to DIR/best\n"
            + RunSettings.EVAL_HELP;

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(Set.of("--max-steps", "--target-return", "--metrics", "--save", "--eval-every",
                "--eval-episodes"));
        Options o = new Options(args, 1, valued, Set.of());
        RunSettings settings = RunSettings.parse(o, BestCheckpoint.DEFAULT_EVERY);
        Path metricsPath = o.has("--metrics") ? Path.of(o.string("--metrics", "")) : null;
        Path saveDir = o.has("--save") ? Path.of(o.string("--save", "")) : null;
        // every output is checked before training, so a bad path never costs a run
        if (metricsPath != null) {
            Outputs.checkFileTarget("--metrics", metricsPath);
        }
        if (saveDir != null) {
            Outputs.checkWritableTarget("--save", saveDir);
            Outputs.checkBundleTarget(saveDir, err);
        }
        ProgressBar progress = new ProgressBar(err, settings.rule());
        TrainingRun.Outcome outcome = TrainingRun.run(settings, metricsPath, saveDir,
                (a2c, stats) -> progress.show(stats), () -> false);
        progress.finish();
        if (saveDir != null) {
            err.println("saved model bundle to " + saveDir.toAbsolutePath() + (outcome.best() != null
                    ? " and the best-evaluated one to " + saveDir.resolve(ModelBundle.BEST_DIR).toAbsolutePath() : ""));
        }
        out.println(Json.GSON.toJson(summary(outcome)));
        if (outcome.metricsFailure() != null) {
            err.println("a2c-lab train: could not write --metrics " + metricsPath + " (" + outcome.metricsFailure()
                    + ")" + (saveDir != null ? "; the model bundle was saved" : ""));
            return 1;
        }
        return 0;
    }

    /** The JSON summary of a run: {@link #summary(TrainingResult)} plus its evaluations. */
    static JsonObject summary(TrainingRun.Outcome outcome) {
        JsonObject o = summary(outcome.result());
        if (outcome.best() != null) {
            JsonObject best = new JsonObject();
            best.addProperty("greedy_mean_return", round(outcome.best().meanReturn(), 2));
            best.addProperty("env_steps", outcome.best().envSteps());
            o.add("best", best);
            o.addProperty("evaluations", outcome.evaluations().size());
            o.addProperty("eval_s", round(outcome.evalSeconds(), 3));
            // evaluations run between updates, outside the timed training
            o.addProperty("eval_fraction", round(outcome.evalSeconds()
                    / (outcome.evalSeconds() + outcome.result().trainingSeconds()), 4));
        }
        return o;
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
