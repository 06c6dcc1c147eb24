package org.a2clab.export;

import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/**
 * A bundle read back: the network (owned by the caller, close it on the thread that loaded it)
 * and the manifest it was saved with.
 */
public record LoadedModel(ActorCritic network, Manifest manifest) implements AutoCloseable {
    /** The hyperparameters and seed it was trained with, e.g. to restore the sliders. */
    public Hyperparameters hyperparameters() {
        return manifest.training().hp();
    }

    /** How its training run ended: env steps, updates, episodes, mean return, solved, wall time. */
    public TrainingResult training() {
        return manifest.training();
    }

    @Override
    public void close() {
        network.close();
    }
}
