package org.a2clab.ui.training;

import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;

/** Creates a (not yet started) training session that reports to {@code listener}. */
@FunctionalInterface
public interface SessionFactory {
    TrainingHandle create(Hyperparameters hp, TrainingListener listener);
}
