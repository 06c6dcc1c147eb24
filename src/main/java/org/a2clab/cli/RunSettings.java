package org.a2clab.cli;

import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;

/**
 * Everything but the seed that a headless run needs, shared by {@code train}, {@code bench} and
 * {@code sweep}: hyperparameters, when to stop, and the best-checkpoint evaluation
 * ({@code evalEvery} 0: none).
 */
record RunSettings(Hyperparameters hp, StopRule rule, long evalEvery, int evalEpisodes) {
    static final String EVAL_HELP = ""
            + "  --eval-every N      greedy evaluation every N env steps, keeps the best weights;\n"
            + "                      0 = none (default " + BestCheckpoint.DEFAULT_EVERY + ")\n"
            + "  --eval-episodes N   greedy episodes per evaluation, 1-100 (default "
            + BestCheckpoint.DEFAULT_EPISODES + ")\n";

    static RunSettings parse(Options o, long defaultEvalEvery) {
        Hyperparameters hp = HyperparameterOptions.parse(o);
        StopRule rule = HyperparameterOptions.stopRule(o);
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

    RunSettings withHyperparameters(Hyperparameters next) {
        return new RunSettings(next, rule, evalEvery, evalEpisodes);
    }

    boolean evaluates() {
        return evalEvery > 0;
    }
}
