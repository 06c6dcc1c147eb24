package org.a2clab.cli;

import java.io.PrintStream;
import java.util.Set;
import org.a2clab.export.LoadedModel;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeRecorder;
import org.a2clab.train.Hyperparameters;
import org.a2clab.inspect.RecordedEpisode;

/** {@code episode}: one evaluation episode of a saved model, one JSON line per frame. */
final class EpisodeCommand {
    static final String HELP = "usage: a2c-lab episode --model PATH [options]\n"
            + "Plays one CartPole-v1 episode with the saved policy and prints one JSON line per frame:\n"
            + "t, state, obs, probs, action, value, reward, terminated, truncated, n_step_return,\n"
            + "advantage, td_error, entropy. Actions are sampled from pi unless --greedy.\n"
            + ModelOption.HELP
            + "  --greedy            take the most probable action instead of sampling\n"
            + "  --seed N            seed of the start state and sampling (default 0)\n"
            + "  --n-steps N         n of the n-step return, 1-128 (default: the model's)\n"
            + "  --gamma X           discount, 0.8-0.9999 (default: the model's)\n"
            + "  --gae-lambda X      lambda, 0-1; below 1 adds lambda_return and gae_advantage\n"
            + "                      (default: the model's)\n";

    private EpisodeCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Options o = new Options(args, 1, Set.of("--model", "--seed", "--n-steps", "--gamma", "--gae-lambda"), Set.of("--greedy"));
        long seed = o.longValue("--seed", 0);
        EpisodeKind kind = o.flag("--greedy") ? EpisodeKind.GREEDY : EpisodeKind.SAMPLED;
        try (LoadedModel model = ModelOption.load(o)) {
            Hyperparameters hp = model.hyperparameters();
            int nSteps = o.intValue("--n-steps", hp.nSteps());
            double gamma = o.doubleValue("--gamma", hp.gamma());
            double lambda = o.doubleValue("--gae-lambda", hp.gaeLambda());
            try {
                hp.withNSteps(nSteps).withGamma(gamma).withGaeLambda(lambda);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            RecordedEpisode episode = EpisodeRecorder.record(model.network(), kind, seed, nSteps, gamma, lambda);
            EpisodeJson.lines(episode).forEach(out::println);
        }
        return 0;
    }
}
