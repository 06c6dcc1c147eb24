package org.a2clab.ui.inspector;

import ai.djl.Device;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;

/** A small untrained network on its own thread, like the training thread in the app. */
final class DjlJobs implements NetworkJobs, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-network");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<ActorCritic> net = CompletableFuture.supplyAsync(() -> {
        DjlRuntime.prepareTrainingThread();
        return new ActorCritic(16, 1, Device.cpu());
    }, thread);

    @Override
    public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
        return net.thenApplyAsync(job, thread);
    }

    @Override
    public void close() {
        net.thenAcceptAsync(ActorCritic::close, thread).join();
        thread.shutdown();
    }
}
