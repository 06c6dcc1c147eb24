package org.a2clab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.a2clab.export.LoadedModel;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeRecorder;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.media.AnimatedGif;
import org.a2clab.render.EpisodeGif;
import org.a2clab.train.Hyperparameters;

/**
 * {@code episode}: one evaluation episode of a saved model, one JSON line per frame, and on
 * request the episode as an animated GIF.
 */
final class EpisodeCommand {
    static final String HELP = "usage: a2c-lab episode --model PATH [options]\n"
            + "Plays one CartPole-v1 episode with the saved policy and prints one JSON line per frame:\n"
            + "t, state, obs, probs, action, value, reward, terminated, truncated, n_step_return,\n"
            + "advantage, td_error, entropy; a Gaussian model's frames have mean, std, action (the real\n"
            + "a), force and log_prob in place of probs and the 0/1 action. Actions are sampled from pi\n"
            + "unless --greedy (a Gaussian model then acts with a = mu(s)).\n"
            + ModelOption.HELP
            + "  --greedy            take the most probable action instead of sampling\n"
            + "  --seed N            seed of the start state and sampling (default 0)\n"
            + "  --n-steps N         n of the n-step return, 1-128 (default: the model's)\n"
            + "  --gamma X           discount, 0.8-0.9999 (default: the model's)\n"
            + "  --gae-lambda X      lambda, 0-1; below 1 adds lambda_return and gae_advantage\n"
            + "                      (default: the model's)\n"
            + "  --gif FILE          also write the episode as a looping animated GIF, one 640x360\n"
            + "                      frame per step with t, action, pi, V and A in a caption\n"
            + "  --gif-fps N         its frames per second, 1-" + AnimatedGif.MAX_FPS + " (default "
            + AnimatedGif.DEFAULT_FPS + ": CartPole's own 50 steps/s)\n";

    private EpisodeCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        Options o = new Options(args, 1, Set.of("--model", "--seed", "--n-steps", "--gamma", "--gae-lambda", "--gif",
                "--gif-fps"), Set.of("--greedy"));
        long seed = o.longValue("--seed", 0);
        EpisodeKind kind = o.flag("--greedy") ? EpisodeKind.GREEDY : EpisodeKind.SAMPLED;
        int fps = o.intValue("--gif-fps", AnimatedGif.DEFAULT_FPS);
        if (fps < 1 || fps > AnimatedGif.MAX_FPS) {
            throw new UsageException("--gif-fps must be 1-" + AnimatedGif.MAX_FPS + ", got " + fps);
        }
        if (o.has("--gif-fps") && !o.has("--gif")) {
            throw new UsageException("--gif-fps needs --gif FILE");
        }
        // before loading the model and playing: a bad target fails at once
        OutputPlan plan = new OutputPlan()
                .input("--model", o.required("--model"))
                .target("--gif", o.string("--gif", null), OutputPlan.Kind.FILE)
                .check(err);
        Path gif = plan.path("--gif");
        try (LoadedModel model = ModelOption.load(o, err)) {
            Hyperparameters hp = model.hyperparameters();
            int nSteps = o.intValue("--n-steps", hp.nSteps());
            double gamma = o.doubleValue("--gamma", hp.gamma());
            double lambda = o.doubleValue("--gae-lambda", hp.gaeLambda());
            try {
                hp.withNSteps(nSteps).withGamma(gamma).withGaeLambda(lambda);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            plan.prepare();
            RecordedEpisode episode = EpisodeRecorder.record(model.network(), kind, seed, nSteps, gamma, lambda);
            EpisodeJson.lines(episode, Json.warnings(err)).forEach(out::println);
            if (gif != null) {
                EpisodeGif.write(gif, episode.frames(), fps);
                err.println("wrote " + gif + " (" + episode.length() + " frames)");
            }
        }
        return 0;
    }
}
