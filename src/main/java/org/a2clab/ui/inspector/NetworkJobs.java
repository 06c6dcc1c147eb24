package org.a2clab.ui.inspector;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.TrainingSession;

/**
 * Runs work on the thread that owns the network (DJL must never be touched from the FX thread).
 * Futures complete on that thread; the inspector hops back to the FX thread itself.
 */
public interface NetworkJobs {
    <T> CompletableFuture<T> submit(Function<ActorCritic, T> job);

    /** Jobs for whichever session is current (a retrain replaces the session). */
    static NetworkJobs ofSession(Supplier<TrainingSession> current) {
        return new NetworkJobs() {
            @Override
            public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
                TrainingSession session = current.get();
                if (session == null) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no network yet"));
                }
                return session.submit(a2c -> job.apply(a2c.network()));
            }
        };
    }
}
