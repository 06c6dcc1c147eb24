package org.a2clab.experiment;

import java.nio.file.Path;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingResult;

/**
 * A run's models in its folder, the one save of them for every run (an experiment's, {@code train
 * --save}'s and the Training tab's): the final network as a bundle in {@code model/}, the
 * best-evaluated one in {@code model/best}. Both are put in place together by one atomic save
 * ({@link ModelBundle#save}); saving again replaces both.
 */
public final class RunModels {
    private RunModels() {
    }

    /**
     * Saves into {@code dir} (a run's {@code model/} folder, or any bundle folder) {@code net}, the
     * final network ({@code finalCheckpoint}: its manifest entry), with its training curves
     * {@code log} (may be null) and, once {@code best} (may be null) has an evaluation, the best
     * one. {@code startSteps}: the env steps of the training an opened model had before this run,
     * from which the manifests count the evaluations' steps (0 for a fresh network). One save
     * writes both: a kill leaves the old pair or the new one. Call it on the thread that trains {@code net}.
     */
    public static void save(Path dir, ActorCritic net, Checkpoint finalCheckpoint, BestCheckpoint best,
            long startSteps, TrainingResult result, MetricsLog log) throws BundleException {
        Checkpoint last = finalCheckpoint.countedFrom(startSteps);
        if (best == null || !best.hasBest()) {
            // no greedy evaluation yet (the first runs after 20,000 env steps): the final model only
            ModelBundle.save(dir, net, result, log, Map.of(), last, null);
            return;
        }
        try (ActorCritic bestNet = best.bestNetwork(net)) {
            ModelBundle.save(dir, net, result, log, Map.of(), last,
                    new ModelBundle.Best(bestNet, best.bestCheckpoint().countedFrom(startSteps)));
        }
    }
}
