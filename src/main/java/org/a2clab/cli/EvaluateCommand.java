package org.a2clab.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.a2clab.export.LoadedModel;
import org.a2clab.train.Evaluation;
import org.a2clab.train.EvaluationResult;

/** {@code evaluate}: play episodes with a saved model and report its returns. */
final class EvaluateCommand {
    static final String HELP = "usage: a2c-lab evaluate --model PATH [options]\n"
            + "Plays whole CartPole-v1 episodes with the saved policy (no learning) and prints the\n"
            + "mean, min and max return as a JSON line. Actions are sampled from pi unless --greedy.\n"
            + ModelOption.HELP
            + "  --episodes N        episodes to play, 1-10000 (default 10)\n"
            + "  --greedy            take the most probable action instead of sampling\n"
            + "                      (a Gaussian model: a = mu(s))\n"
            + "  --seed N            seed of start states and sampling (default 0)\n";

    private EvaluateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o = new Options(args, 1, Set.of("--model", "--episodes", "--seed"), Set.of("--greedy"));
        int episodes = o.intValue("--episodes", 10);
        if (episodes < 1 || episodes > 10_000) {
            throw new UsageException("--episodes must be in [1, 10000], got " + episodes);
        }
        long seed = o.longValue("--seed", 0);
        boolean greedy = o.flag("--greedy");
        try (LoadedModel model = ModelOption.load(o, err)) {
            EvaluationResult r = Evaluation.run(model.network(), episodes, greedy, seed);
            err.println(String.format(Locale.ROOT, "%s return over %d episodes: mean %.1f, min %.0f, max %.0f",
                    r.mode(), r.episodes(), r.mean(), r.min(), r.max()));
            JsonObject j = new JsonObject();
            j.addProperty("mode", r.mode());
            j.addProperty("episodes", r.episodes());
            j.addProperty("seed", r.seed());
            j.addProperty("mean_return", r.mean());
            j.addProperty("min_return", r.min());
            j.addProperty("max_return", r.max());
            j.add("returns", Json.doubles(r.returns()));
            out.println(Json.line(j, err));
        }
        return 0;
    }
}
