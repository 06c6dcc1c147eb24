package org.a2clab.ui.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.Run;
import org.a2clab.train.TrainingStats;
import org.a2clab.train.TrainingView;

/** A real {@link Run} behind the {@link TrainingHandle} interface. */
public final class SessionHandle implements TrainingHandle {
    private final Run session;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SessionHandle(Run session) {
        this.session = session;
    }

    /** The factory the app uses. */
    public static SessionFactory factory() {
        return new SessionFactory() {
            @Override
            public TrainingHandle create(Hyperparameters hp, TrainingListener listener) {
                return new SessionHandle(new Run(hp, listener));
            }

            @Override
            public TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener) {
                return new SessionHandle(Run.continuing(hp, network, listener));
            }
        };
    }

    @Override
    public void start() {
        // A retrain clicked twice in a row stops a session before it started: don't build its network.
        if (!stopped.get()) {
            session.start();
        }
    }

    @Override
    public void pause() {
        session.pause();
    }

    @Override
    public void resume() {
        session.resume();
    }

    @Override
    public void stop() {
        stopped.set(true);
        session.stop();
    }

    @Override
    public void setHyperparameters(Hyperparameters hp) {
        session.setHyperparameters(hp);
    }

    @Override
    public Hyperparameters hyperparameters() {
        return session.hyperparameters();
    }

    @Override
    public void requestSnapshot() {
        session.requestSnapshot();
    }

    @Override
    public CompletableFuture<String> deviceName() {
        return session.submitView(view -> view.stats().device());
    }

    @Override
    public CompletableFuture<TrainingStats> stats() {
        return session.submitView(TrainingView::stats);
    }

    @Override
    public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
        return session.submitView(job);
    }

    @Override
    public void setStopWhenSolved(boolean on) {
        session.setStopWhenSolved(on);
    }
}
