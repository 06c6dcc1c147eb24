package org.a2clab.experiment;

import java.nio.file.Path;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;

/**
 * A run's models in its folder, the same for an experiment's runs and the Training tab's: the
 * final network as a bundle in {@code model/}, the best-evaluated one in {@code model/best}. Both
 * are put in place together by one atomic save ({@link ModelBundle#save}); saving again replaces both.
 */
public final class RunModels {
    private RunModels() {
    }

    /**
     * Saves into {@code dir} (a run's {@code model/} folder, or any bundle folder) {@code net}, the
     * final network, with its training curves {@code log} (may be null) and,
     * if {@code bestNet} is not null, the best one. One save writes both: a kill leaves the old
     * pair or the new one.
     */
    public static void save(Path dir, ActorCritic net, Checkpoint finalCheckpoint, ActorCritic bestNet,
            Checkpoint bestCheckpoint, TrainingResult result, MetricsLog log) throws BundleException {
        ModelBundle.save(dir, net, result, log, Map.of(), finalCheckpoint,
                bestNet == null ? null : new ModelBundle.Best(bestNet, bestCheckpoint));
    }
}
