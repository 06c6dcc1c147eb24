package org.a2clab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;
import org.a2clab.ui.training.SessionFactory;
import org.a2clab.ui.training.SessionHandle;
import org.a2clab.ui.training.TrainingHandle;

/** Real training sessions, each one also remembered so a test can tell restarts from resumes. */
final class TrackingSessions implements SessionFactory {
    private final SessionFactory real = SessionHandle.factory();
    private final List<TrainingHandle> sessions = new CopyOnWriteArrayList<>();

    @Override
    public TrainingHandle create(Hyperparameters hp, TrainingListener listener) {
        return track(real.create(hp, listener));
    }

    @Override
    public TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener) {
        return track(real.continuing(hp, network, listener));
    }

    /** Every session created so far, oldest first. */
    List<TrainingHandle> sessions() {
        return sessions;
    }

    private TrainingHandle track(TrainingHandle h) {
        sessions.add(h);
        return h;
    }
}
