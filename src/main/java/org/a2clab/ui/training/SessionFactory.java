package org.a2clab.ui.training;

import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;

/** Creates (not yet started) training sessions that report to {@code listener}. */
public interface SessionFactory {
    /** A session that trains a fresh network. */
    TrainingHandle create(Hyperparameters hp, TrainingListener listener);

    /** A session that continues training {@code network} (e.g. an opened model), built on the training thread. */
    TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener);
}
