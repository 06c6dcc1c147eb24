package org.a2clab.train;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;

/**
 * The one training loop: every A2C update of the program is made here, followed by the run's
 * {@link BestCheckpoint} (by default every 20,000 env steps, 10 greedy episodes) and the
 * listener's events. Two ways to drive it: on its own thread ({@link #start()}), driven from
 * another (the app): pause, resume, stop, live hyperparameter changes, jobs and, with "stop when
 * solved" on, a pause once the run is solved; or on the calling thread until a {@link StopRule}
 * is met ({@link #runToEnd}: {@code train}, {@code bench}, {@code sweep}, the app's New
 * experiment). The training thread owns the engine, network and every NDArray; other threads
 * talk to it only through atomics and a job queue.
 */
public final class Run implements AutoCloseable {
    private final Supplier<A2c> factory;
    private final TrainingListener listener;
    private final AtomicReference<Hyperparameters> pending = new AtomicReference<>();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.NEW);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean snapshotRequested = new AtomicBoolean();
    /** Work for the training thread; {@link #WAKE} only interrupts a wait. */
    private final BlockingQueue<Consumer<A2c>> jobs = new LinkedBlockingQueue<>();
    private final Queue<CompletableFuture<?>> pendingFutures = new ConcurrentLinkedQueue<>();
    private static final Consumer<A2c> WAKE = a2c -> { };
    private final Thread thread;
    private volatile Hyperparameters hyperparameters;
    /** Used on the training thread only, once started; null: no evaluations. */
    private BestCheckpoint best = new BestCheckpoint(BestCheckpoint.DEFAULT_EVERY, BestCheckpoint.DEFAULT_EPISODES);
    private final AtomicBoolean stopWhenSolved = new AtomicBoolean();
    /** Cleared by the solved pause, so Resume trains on; set again when the toggle is switched on. */
    private final AtomicBoolean solvedPauseArmed = new AtomicBoolean(true);
    /** The listener heard {@link TrainingListener#onSolved}; training thread only. */
    private boolean solvedReported;

    /** A session that trains a fresh network. */
    public Run(Hyperparameters hp, TrainingListener listener) {
        this(hp, () -> new A2c(hp), listener);
    }

    /** A session that continues training {@code network} (built on the training thread). */
    public static Run continuing(Hyperparameters hp, Supplier<ActorCritic> network,
            TrainingListener listener) {
        return new Run(hp, () -> new A2c(hp, network.get()), listener);
    }

    private Run(Hyperparameters hp, Supplier<A2c> factory, TrainingListener listener) {
        this.hyperparameters = hp;
        this.factory = factory;
        this.listener = listener;
        this.thread = new Thread(this::run, "a2c-training");
        this.thread.setDaemon(true);
    }

    /**
     * Replaces the default best checkpoint (null: no evaluations), before {@link #start()}: after
     * it, only the training thread may touch it.
     */
    public void setBestCheckpoint(BestCheckpoint checkpoint) {
        if (state.get() != SessionState.NEW) {
            throw new IllegalStateException("the best checkpoint is set before the session starts");
        }
        this.best = checkpoint;
    }

    /**
     * On: pause after the update at which the {@link A2c} is solved ({@link A2c#solvedEnvSteps},
     * its target return 475 unless set), or at once if it is already. Once per switching on, so
     * Resume trains on.
     */
    public void setStopWhenSolved(boolean on) {
        if (on) {
            solvedPauseArmed.set(true);
        }
        stopWhenSolved.set(on);
    }

    public void start() {
        claimStart();
        thread.start();
    }

    /**
     * Trains on the calling thread (prepared for DJL) until {@code rule} is met: solved at its
     * target return, which is set on the {@link A2c} as the run's target, or its env step budget
     * spent; or until {@link #stop()}. The listener gets the same events as on the session's own
     * thread. A listener may end the run early by throwing (a {@link CancellationException} for a
     * user's stop, which is no failure): that propagates, and {@code end} does not run. Else
     * {@code end} runs here with the network still open (a final evaluation, saving), then the
     * network is closed.
     */
    public <T> T runToEnd(StopRule rule, Ending<T> end) throws Exception {
        claimStart();
        try {
            DjlRuntime.prepareTrainingThread();
            try (A2c a2c = factory.get()) {
                a2c.setTargetReturn(rule.targetReturn());
                setState(SessionState.RUNNING, "");
                TrainingDivergedException diverged = null;
                try {
                    while (!stopRequested.get() && !rule.solved(a2c) && !rule.budgetSpent(a2c)) {
                        runJobs(a2c, false);
                        step(a2c);
                    }
                } catch (TrainingDivergedException e) {
                    setState(SessionState.FAILED, describe(e));
                    diverged = e;
                }
                // a diverged run is unsolved whatever its last mean says
                TrainingResult result = new TrainingResult(diverged == null && rule.solved(a2c), a2c.envSteps(),
                        a2c.updates(), a2c.episodes(), a2c.trainingSeconds(), a2c.meanReturnLast100(),
                        a2c.deviceName(), a2c.hyperparameters());
                return end.apply(a2c, result, diverged);
            }
        } catch (CancellationException e) {
            // a user's stop, not a failure: the state goes straight to STOPPED
            throw e;
        } catch (Exception | Error e) {
            if (state.get() != SessionState.FAILED) {
                setState(SessionState.FAILED, describe(e));
            }
            throw e;
        } finally {
            setState(SessionState.STOPPED, "");
            failPendingJobs(new IllegalStateException("session is stopped"));
        }
    }

    /** End-of-run work of {@link #runToEnd}, on the training thread with the network still open. */
    @FunctionalInterface
    public interface Ending<T> {
        /**
         * {@code result}: the run's totals; {@code diverged}: the update that diverged and ended
         * the run (the network is the last good one, the result unsolved), else null. Throw it to
         * fail the run; or keep the run as an outcome.
         */
        T apply(A2c a2c, TrainingResult result, TrainingDivergedException diverged) throws Exception;
    }

    private void claimStart() {
        if (!state.compareAndSet(SessionState.NEW, SessionState.STARTING)) {
            throw new IllegalStateException("session already started");
        }
    }

    public void pause() {
        paused.set(true);
        wake();
    }

    /** Continues after a pause, or after a failure (e.g. with a lower learning rate). */
    public void resume() {
        paused.set(false);
        wake();
    }

    /**
     * Stops training, closes the network and waits for the thread to end (at most one update
     * away), so the next session never shares libtorch with this one. An interrupt does not cut
     * the wait short (the app's control thread is interrupted when a run is replaced); it is kept
     * for the caller.
     */
    public void stop() {
        stopRequested.set(true);
        wake();
        boolean interrupted = false;
        while (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Applies live-applicable changes (learning rate, β, γ, c, max gradient norm) at the next
     * update. Throws if a field that needs a retrain differs from the session's.
     */
    public void setHyperparameters(Hyperparameters next) {
        hyperparameters.checkLiveChange(next);
        hyperparameters = next;
        pending.set(next);
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** Asks for a {@link RolloutSnapshot} with the next update. */
    public void requestSnapshot() {
        snapshotRequested.set(true);
    }

    /** Runs {@code job} on the training thread between updates (also while paused or failed). */
    public <T> CompletableFuture<T> submit(Function<A2c, T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // registered before queued, and the state checked after, so a session that stops in
        // between still fails the future instead of leaving it pending for ever
        pendingFutures.add(result);
        jobs.add(a2c -> {
            try {
                result.complete(job.apply(a2c));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
            pendingFutures.remove(result);
        });
        if (state.get() == SessionState.STOPPED) {
            failPendingJobs(new IllegalStateException("session is stopped"));
        }
        return result;
    }

    /**
     * Runs {@code job} on the training thread between updates with a {@link TrainingView}: the
     * network, the counters and the best checkpoint, not the {@link A2c} (the app's way in).
     */
    public <T> CompletableFuture<T> submitView(Function<TrainingView, T> job) {
        return submit(a2c -> job.apply(new TrainingView(a2c, best)));
    }

    public SessionState state() {
        return state.get();
    }

    private void wake() {
        jobs.add(WAKE);
    }

    private void run() {
        A2c a2c = null;
        try {
            DjlRuntime.prepareTrainingThread();
            a2c = factory.get();
            setState(paused.get() ? SessionState.PAUSED : SessionState.RUNNING, "");
            loop(a2c);
        } catch (RuntimeException | Error e) {
            // only building the network can end up here: update failures are handled in loop
            setState(SessionState.FAILED, describe(e));
            failPendingJobs(e);
        } finally {
            if (a2c != null) {
                a2c.close();
            }
            setState(SessionState.STOPPED, "");
            failPendingJobs(new IllegalStateException("session is stopped"));
        }
    }

    private void loop(A2c a2c) {
        while (!stopRequested.get()) {
            runJobs(a2c, paused.get());
            if (stopRequested.get()) {
                return;
            }
            if (paused.get()) {
                setState(SessionState.PAUSED, "");
                continue;
            }
            setState(SessionState.RUNNING, "");
            try {
                if (step(a2c)) {
                    paused.set(true);
                    setState(SessionState.PAUSED, "");
                    listener.onSolvedPause();
                }
            } catch (RuntimeException e) {
                // diverged, or libtorch refused: keep the last good network, serve jobs, and
                // let the user resume (e.g. with a lower learning rate) or stop
                paused.set(true);
                setState(SessionState.FAILED, describe(e));
                serveWhileFailed(a2c);
            }
        }
    }

    /**
     * One update and what follows it, in the order a seed's results depend on: live changes,
     * the update, the listener (and, once, its solved event), the best checkpoint. True: "stop
     * when solved" asks for a pause.
     */
    private boolean step(A2c a2c) {
        Hyperparameters next = pending.getAndSet(null);
        if (next != null) {
            a2c.setHyperparameters(next);
        }
        UpdateStats stats = a2c.update();
        RolloutSnapshot snapshot = snapshotRequested.getAndSet(false) ? a2c.snapshot() : null;
        listener.onUpdate(stats, a2c.finishedEpisodes(), a2c.workerFrames(), snapshot);
        if (!solvedReported && a2c.solvedEnvSteps() >= 0) {
            solvedReported = true;
            // with the update's own time, as a headless run's result counts it
            listener.onSolved(a2c.solvedEnvSteps(), a2c.trainingSeconds());
        }
        boolean solvedPause = stopWhenSolved.get() && a2c.solvedEnvSteps() >= 0
                && solvedPauseArmed.compareAndSet(true, false);
        evaluate(a2c, solvedPause);
        return solvedPause;
    }

    /**
     * Runs the best checkpoint's evaluation when due; at a solved pause always (unless it just
     * ran), so the network the run stops with can be exported as "best".
     */
    private void evaluate(A2c a2c, boolean solvedPause) {
        if (best == null) {
            return;
        }
        int before = best.evaluations();
        if (solvedPause) {
            best.finish(a2c);
        } else {
            best.afterUpdate(a2c);
        }
        if (best.evaluations() > before) {
            List<BestCheckpoint.Point> points = best.points();
            listener.onEvaluation(new EvaluationReport(points.get(points.size() - 1), best.best(), best.seconds()));
        }
    }

    /** After a failure: keep the last good network, run jobs, and resume if asked to. */
    private void serveWhileFailed(A2c a2c) {
        while (!stopRequested.get() && paused.get()) {
            runJobs(a2c, true);
        }
    }

    /** Runs queued jobs; blocks for the next one (or a wake-up) when {@code wait} is set. */
    private void runJobs(A2c a2c, boolean wait) {
        try {
            Consumer<A2c> job = wait ? jobs.poll(100, TimeUnit.MILLISECONDS) : jobs.poll();
            while (job != null) {
                job.accept(a2c);
                job = jobs.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested.set(true);
        }
    }

    private void failPendingJobs(Throwable cause) {
        jobs.clear();
        for (CompletableFuture<?> f = pendingFutures.poll(); f != null; f = pendingFutures.poll()) {
            f.completeExceptionally(cause);
        }
    }

    private void setState(SessionState next, String message) {
        SessionState previous = state.getAndSet(next);
        if (previous != next || !message.isEmpty()) {
            listener.onStateChanged(next, message);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
