package org.a2clab.cli;

import org.a2clab.agent.DjlRuntime;
import org.a2clab.experiment.RunSettings;
import org.a2clab.train.BestCheckpoint;

/** Parses the options of a headless run ({@code train}, {@code bench}, {@code sweep}) into {@link RunSettings}. */
final class RunOptions {
    static final String EVAL_HELP = ""
            + "  --eval-every N      greedy evaluation every N env steps, keeps the best weights;\n"
            + "                      0 = none (default " + BestCheckpoint.DEFAULT_EVERY + ")\n"
            + "  --eval-episodes N   greedy episodes per evaluation, 1-100 (default "
            + BestCheckpoint.DEFAULT_EPISODES + ")\n";

    private RunOptions() {
    }

    static RunSettings parse(Options o, long defaultEvalEvery) {
        // the stop rule first: --lr-decay-steps defaults to --max-steps, whose error is its own
        var rule = HyperparameterOptions.stopRule(o);
        var hp = HyperparameterOptions.parse(o, rule);
        long every = o.longValue("--eval-every", defaultEvalEvery);
        int episodes = o.intValue("--eval-episodes", BestCheckpoint.DEFAULT_EPISODES);
        if (every < 0) {
            throw new UsageException("--eval-every must be ≥ 0 (0: no evaluation), got " + every);
        }
        if (episodes < 1 || episodes > 100) {
            throw new UsageException("--eval-episodes must be in [1, 100], got " + episodes);
        }
        return new RunSettings(hp, rule, every, episodes);
    }

    /**
     * Resolves the run's device now, so a device that is not there ({@code --device gpu} without
     * a GPU) is refused before an output plan creates anything on disk. Call between the plan's
     * check and its prepare: a bad path is still refused without loading the engine.
     */
    static void checkDevice(RunSettings settings) {
        DjlRuntime.resolve(settings.hp().device());
    }
}
