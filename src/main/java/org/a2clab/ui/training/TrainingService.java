package org.a2clab.ui.training;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingStats;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * Training as JavaFX sees background work: one {@link Task} per stretch of training, from Train,
 * Retrain, Resume after a failure or Continue after Stop, until Stop (SUCCEEDED, its value the
 * run's {@link TrainingResult} then), a failure (FAILED, the reason as its exception's message)
 * or a new run (CANCELLED). A pause is part of a stretch. Its executor is the one control thread
 * that starts and stops sessions, so a replaced session has fully stopped (its network closed)
 * before the next one starts. The session itself trains on its own thread; a task only waits
 * for the stretch to end, then asks the session for its counters.
 */
public final class TrainingService extends Service<TrainingResult> implements RunLauncher {
    /** Replaced sessions not yet stopped: the next task that runs stops them all, oldest first. */
    private final Queue<TrainingHandle> toStop = new ConcurrentLinkedQueue<>();
    /** The session the next task trains, as {@link CurrentRun} launched it. */
    private TrainingHandle session;
    private LiveFeed feed;
    /** Runs on a replaced session just before it is stopped (e.g. to save its network). */
    private volatile Consumer<TrainingHandle> beforeStop = old -> { };
    /** The next task starts {@link #session} (a new run) rather than following it on. */
    private boolean startsSession;
    /** Completed where the current stretch ends: normally at Stop, exceptionally at a failure. */
    private CompletableFuture<Void> stretchEnd = CompletableFuture.completedFuture(null);

    /** @param control a single thread: it runs one task at a time, in order */
    public TrainingService(Executor control) {
        setExecutor(control);
    }

    /**
     * {@code job} runs on every replaced session (and the current one when the app closes) right
     * before it is stopped, on the thread that stops it (the control thread; the FX thread when the
     * app closes), and may block until its own work on the session is done: the session still holds
     * its network then.
     */
    public void beforeStoppingReplaced(Consumer<TrainingHandle> job) {
        beforeStop = job;
    }

    /** The session the last launch started (null before the first); tests. FX thread. */
    TrainingHandle session() {
        return session;
    }

    @Override
    public void launch(TrainingHandle old, TrainingHandle next, LiveFeed nextFeed) {
        // cancelled before the old session is queued, so a task that already drained the queue
        // sees it cancelled and leaves its session unstarted for the next task to stop
        cancel();
        if (old != null) {
            toStop.add(old);
        }
        session = next;
        feed = nextFeed;
        startsSession = true;
        beginStretch();
    }

    @Override
    public void resumed() {
        // after a plain pause the stretch goes on; after Stop or a failure a new one begins
        if (session != null && stretchEnd.isDone()) {
            beginStretch();
        }
    }

    @Override
    public void stopped() {
        stretchEnd.complete(null);
    }

    @Override
    public void failed(String message) {
        stretchEnd.completeExceptionally(new IllegalStateException(message));
    }

    @Override
    public void ended() {
        stretchEnd.completeExceptionally(new IllegalStateException("the training session has ended"));
    }

    @Override
    public void shutdown(TrainingHandle current) {
        cancel();
        stopReplaced();
        if (current != null) {
            stop(current);
        }
    }

    private void stopReplaced() {
        for (TrainingHandle old = toStop.poll(); old != null; old = toStop.poll()) {
            stop(old);
        }
    }

    private void stop(TrainingHandle ended) {
        try {
            beforeStop.accept(ended);
        } finally {
            ended.stop();
        }
    }

    private void beginStretch() {
        stretchEnd = new CompletableFuture<>();
        restart();
    }

    @Override
    protected Task<TrainingResult> createTask() {
        TrainingHandle handle = session;
        LiveFeed results = feed;
        CompletableFuture<Void> end = stretchEnd;
        boolean starts = startsSession;
        startsSession = false;
        return new Task<>() {
            @Override
            protected TrainingResult call() throws Exception {
                // no message: the status bar shows the run's state from the view-model, as the runs list does
                if (starts) {
                    stopReplaced();
                    if (isCancelled()) {
                        return null; // replaced before it started: the next task stops it
                    }
                    handle.start();
                }
                // no budget in the app: the progress stays indeterminate
                awaitCause(end);
                TrainingStats now = awaitCause(handle.stats());
                return results.start.result(now, handle.hyperparameters(), results.solvedAtStep.get());
            }
        };
    }

    /** The future's value, or its own failure (the reason a user reads) rather than a wrapper. */
    private static <T> T awaitCause(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw BackgroundWork.cause(e) instanceof Exception cause ? cause : e;
        }
    }
}
