package org.a2clab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs training tasks on {@code parallel} threads of their own. Each task prepares its thread for
 * DJL ({@link TrainingRun}) and owns its network, so runs share nothing but the read-only
 * libtorch library; with libtorch pinned to one thread each, P runs use P cores. A run's result
 * does not depend on P: every seed's numbers are computed by the same kernels on one thread.
 */
public final class ParallelRuns {
    /** One unit of work, e.g. one seed; throws CancellationException when stopped. */
    public interface Task<T> {
        T run() throws Exception;
    }

    private ParallelRuns() {
    }

    /**
     * Runs every task, at most {@code parallel} at once, calling {@code onDone} (on the task's
     * thread) as each finishes. Returns the results in task order; a cancelled task leaves null.
     * The first failure other than a cancellation is rethrown after the rest have stopped.
     */
    public static <T> List<T> run(List<Task<T>> tasks, int parallel, Consumer<T> onDone) throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "a2c-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Task<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    T result = task.run();
                    onDone.accept(result);
                    return result;
                }));
            }
            List<T> results = new ArrayList<>();
            Exception failure = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    results.add(null);
                    if (!(e.getCause() instanceof CancellationException) && failure == null) {
                        failure = e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
