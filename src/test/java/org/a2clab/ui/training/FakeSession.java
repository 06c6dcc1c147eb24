package org.a2clab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.TrainingStats;
import org.a2clab.train.TrainingView;

/** A session that records the commands it gets and reports only what a test tells it to. */
final class FakeSession implements TrainingHandle {
    final TrainingListener listener;
    final List<String> log;
    final String name;
    Hyperparameters hp;
    int snapshotRequests;
    Supplier<ActorCritic> network;
    /** What {@link #stats()} answers: the session's own counters. */
    volatile TrainingStats stats = new TrainingStats(0, 0, 0, Double.NaN, -1, 0, "CPU");

    FakeSession(String name, Hyperparameters hp, TrainingListener listener, List<String> log) {
        this.name = name;
        this.hp = hp;
        this.listener = listener;
        this.log = log;
    }

    /** A factory whose sessions append "name:command" to {@code log} and land in {@code created}. */
    static SessionFactory factory(List<FakeSession> created, List<String> log) {
        return new SessionFactory() {
            @Override
            public TrainingHandle create(Hyperparameters hp, TrainingListener listener) {
                FakeSession s = new FakeSession("s" + (created.size() + 1), hp, listener, log);
                created.add(s);
                return s;
            }

            @Override
            public TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener) {
                FakeSession s = (FakeSession) create(hp, listener);
                s.network = network;
                return s;
            }
        };
    }

    static SessionFactory factory(List<FakeSession> created) {
        return factory(created, new ArrayList<>());
    }

    void report(SessionState state) {
        listener.onStateChanged(state, "");
    }

    @Override
    public void start() {
        log.add(name + ":start");
    }

    @Override
    public void pause() {
        log.add(name + ":pause");
    }

    @Override
    public void resume() {
        log.add(name + ":resume");
    }

    @Override
    public void stop() {
        log.add(name + ":stop");
    }

    @Override
    public void setHyperparameters(Hyperparameters next) {
        if (hp.needsRestartFor(next)) {
            throw new IllegalArgumentException("retrain-only field changed");
        }
        log.add(name + ":set");
        hp = next;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return hp;
    }

    @Override
    public void requestSnapshot() {
        snapshotRequests++;
    }

    @Override
    public CompletableFuture<String> deviceName() {
        return CompletableFuture.completedFuture("CPU");
    }

    @Override
    public CompletableFuture<TrainingStats> stats() {
        return CompletableFuture.completedFuture(stats);
    }

    /** Runs the job with no view at once: enough to see that it reached the session. */
    @Override
    public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
        log.add(name + ":submit");
        return CompletableFuture.completedFuture(job.apply(null));
    }

    @Override
    public void setStopWhenSolved(boolean on) {
        log.add(name + ":stopWhenSolved=" + on);
    }
}
