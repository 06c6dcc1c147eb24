package org.a2clab.experiment;

import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;

/**
 * Everything but the seed that a headless run needs, shared by {@code train}, {@code bench} and
 * {@code sweep}: hyperparameters, when to stop, and the best-checkpoint evaluation
 * ({@code evalEvery} 0: none).
 */
public record RunSettings(Hyperparameters hp, StopRule rule, long evalEvery, int evalEpisodes) {
    public RunSettings withHyperparameters(Hyperparameters next) {
        return new RunSettings(next, rule, evalEvery, evalEpisodes);
    }

    public boolean evaluates() {
        return evalEvery > 0;
    }
}
