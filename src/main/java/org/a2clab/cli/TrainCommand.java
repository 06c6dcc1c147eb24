package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.a2clab.experiment.RunJson;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.TrainingRun;
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
            + RunOptions.EVAL_HELP;

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Set<String> valued = new HashSet<>(HyperparameterOptions.NAMES);
        valued.addAll(Set.of("--max-steps", "--target-return", "--metrics", "--save", "--eval-every",
                "--eval-episodes"));
        Options o = new Options(args, 1, valued, Set.of());
        RunSettings settings = RunOptions.parse(o, BestCheckpoint.DEFAULT_EVERY);
        // every output is checked before training, so a bad path never costs a run
        OutputPlan plan = new OutputPlan()
                .target("--metrics", o.string("--metrics", null), OutputPlan.Kind.FILE)
                .target("--save", o.string("--save", null), OutputPlan.Kind.BUNDLE)
                .check(err);
        RunOptions.checkDevice(settings);
        plan.prepare();
        Path metricsPath = plan.path("--metrics");
        Path saveDir = plan.path("--save");
        HyperparameterOptions.derivedNote(settings.hp()).ifPresent(err::println);
        ProgressBar progress = new ProgressBar(err, settings.rule());
        TrainingRun.Outcome outcome = TrainingRun.run(settings, metricsPath, saveDir,
                progress::show, () -> false);
        progress.finish();
        if (saveDir != null) {
            err.println("saved model bundle to " + saveDir + (outcome.best() != null
                    ? " and the best-evaluated one to " + saveDir.resolve(ModelBundle.BEST_DIR) : ""));
        }
        out.println(Json.line(summary(outcome), err));
        if (outcome.metricsFailure() != null) {
            err.println("a2c-lab train: could not write --metrics " + metricsPath + " (" + outcome.metricsFailure()
                    + ")" + (saveDir != null ? "; the model bundle was saved" : ""));
            return 1;
        }
        return 0;
    }

    /** The JSON summary of a run, as its result.json: see {@link RunJson#result(TrainingRun.Outcome)}. */
    static JsonObject summary(TrainingRun.Outcome outcome) {
        return RunJson.result(outcome);
    }

    static JsonObject summary(TrainingResult r) {
        return RunJson.result(r);
    }

    static double round(double v, int digits) {
        return RunJson.round(v, digits);
    }
}
