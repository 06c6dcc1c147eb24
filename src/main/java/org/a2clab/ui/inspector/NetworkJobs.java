package org.a2clab.ui.inspector;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.a2clab.agent.ActorCritic;

/**
 * Runs work on the thread that owns the network (DJL must never be touched from the FX thread).
 * Futures complete on that thread; the inspector hops back to the FX thread itself.
 */
public interface NetworkJobs {
    <T> CompletableFuture<T> submit(Function<ActorCritic, T> job);
}
