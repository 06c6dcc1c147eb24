package org.a2clab.ui.training;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.TrainingView;

/**
 * The current session and the feed it reports into, replaced together by a new run: the one
 * owner of "the current run", so the one source of the observers' run started and run ended
 * events. Starts and stops go through the {@link RunLauncher}, in order. FX thread, except where noted.
 */
public final class CurrentRun {
    /** Rollout copies are for the advantage histogram: a few per second are plenty. */
    private static final long SNAPSHOT_INTERVAL_NANOS = 250_000_000L;

    private final RunLauncher launcher;
    private final ObserverHub observers;
    private TrainingHandle session;
    private LiveFeed feed;
    private long lastSnapshotRequest;

    CurrentRun(RunLauncher launcher, ObserverHub observers) {
        this.launcher = launcher;
        this.observers = observers;
    }

    private boolean stopWhenSolved;

    RunLauncher launcher() {
        return launcher;
    }

    /** Null before the first run. */
    TrainingHandle session() {
        return session;
    }

    /** Null before the first run. */
    LiveFeed feed() {
        return feed;
    }

    /**
     * Replaces the current run, in this order: the observers hear it end (with its session), the
     * next session is created (paused before it starts if asked), {@code shown} shows it, the
     * observers hear it begin (with its session), then the {@link RunLauncher} stops the replaced
     * session and starts the new one. The replaced session is known here only, during this call.
     */
    void replace(RunStart start, Function<LiveFeed, TrainingHandle> create, boolean paused,
            Consumer<TrainingHandle> shown) {
        TrainingHandle old = session;
        if (old != null) {
            observers.runEnded(old);
        }
        LiveFeed next = new LiveFeed(start);
        feed = next;
        session = create.apply(next);
        if (stopWhenSolved) {
            // sessions start with it off
            session.setStopWhenSolved(true);
        }
        if (paused) {
            session.pause();
        }
        shown.accept(session);
        observers.newRun(start, session);
        // read by the next pulse; completes on the training thread
        session.deviceName().thenAccept(next.device::set);
        launcher.launch(old, session, next);
    }

    /** Resume, or Continue after Stop: the session trains on, and the launcher hears of it. */
    void resume() {
        session.resume();
        launcher.resumed();
    }

    /** Stop: the session pauses and is held with its network; its stretch of training has ended. */
    void hold() {
        session.pause();
        launcher.stopped();
    }

    /** App exit: the current run ends, then every session not yet stopped stops; blocks until their threads have ended. */
    void shutdown() {
        if (session != null) {
            observers.runEnded(session);
        }
        launcher.shutdown(session);
    }

    /** Asks the running session for a rollout copy, at most every {@link #SNAPSHOT_INTERVAL_NANOS}. */
    void requestSnapshotIfDue(long nowNanos) {
        if (nowNanos - lastSnapshotRequest >= SNAPSHOT_INTERVAL_NANOS) {
            lastSnapshotRequest = nowNanos;
            session.requestSnapshot();
        }
    }

    /**
     * Runs {@code job} on the training thread of the current session (e.g. Export…); fails if
     * there is none or it has stopped.
     */
    public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no training session"));
        }
        return session.submit(job);
    }

    /** "Stop when solved" for the current session and every later one. */
    void setStopWhenSolved(boolean on) {
        stopWhenSolved = on;
        if (session != null) {
            session.setStopWhenSolved(on);
        }
    }

    /**
     * The current run's latest greedy evaluation (its best so far is what a "best" export saves),
     * in the run's env steps; null before the first.
     */
    public EvaluationReport latestEvaluation() {
        return feed == null ? null : feed.latestEvaluation.get();
    }

    /** Where the current run started (an opened model's counters, or zero). */
    public RunStart runStart() {
        return feed == null ? RunStart.ZERO : feed.start;
    }

    /**
     * The current run's updates and finished episodes (every one, until a long run thins them),
     * recorded on the training thread. Call the supplier in a {@link #submit} job (e.g. Export…):
     * its copy is then consistent with the network.
     */
    public Supplier<MetricsLog> metricsLog() {
        if (feed == null) {
            return MetricsLog::new;
        }
        MetricsLog log = feed.metrics;
        return () -> MetricsLog.of(log.updates(), log.episodes());
    }

    /**
     * When the current run was first solved (an opened model's own solve, else its session's
     * solved event), in the run's env steps; −1 while it never was. Like {@link #metricsLog}, read
     * it in a {@link #submit} job: the event comes before the job on the training thread.
     */
    public LongSupplier solvedAtStep() {
        if (feed == null) {
            return () -> -1;
        }
        return feed.solvedAtStep::get;
    }
}
