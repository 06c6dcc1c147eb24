package org.a2clab.ui.experiments;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.a2clab.experiment.ExperimentEngine;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.experiment.Workspace;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.UpdateStats;

/**
 * Trains an experiment's runs with the engine {@code sweep} uses, on a thread of its own (the
 * engine gives each run its own thread). Updates go straight into each run's curves, which the
 * charts copy at most a few times a second; state changes reach the FX thread through
 * {@code fx}, once per run start and end, never per update.
 */
final class ExperimentRunner {
    private final Executor fx;
    private final AtomicBoolean cancelAll = new AtomicBoolean();
    private final Set<Integer> stopped = ConcurrentHashMap.newKeySet();
    private volatile List<RunRow> rows = List.of();
    private volatile CountDownLatch ended = new CountDownLatch(0);

    ExperimentRunner(Executor fx) {
        this.fx = fx;
    }

    boolean isRunning() {
        return ended.getCount() > 0;
    }

    /**
     * Starts the plan in the background; {@code onRunEnded} gets each row as its run finishes,
     * stops or fails (its folder re-read), {@code onEnd} a failure that stopped the whole
     * experiment (or null) once all are done. Both on the FX thread.
     */
    void start(List<ExperimentEngine.PlannedRun> plan, int parallel, List<RunRow> planRows, Workspace workspace,
            Consumer<RunRow> onRunEnded, Consumer<Exception> onEnd) {
        if (isRunning()) {
            throw new IllegalStateException("an experiment is running; cancel it first");
        }
        cancelAll.set(false);
        stopped.clear();
        rows = List.copyOf(planRows);
        CountDownLatch done = new CountDownLatch(1);
        ended = done;
        ExperimentEngine.Listener listener = new ExperimentEngine.Listener() {
            @Override
            public void started(int run) {
                rows.get(run).started();
            }

            @Override
            public void updated(int run, UpdateStats stats) {
                rows.get(run).curves().add(stats);
            }

            @Override
            public void evaluated(int run, BestCheckpoint.Point point) {
                rows.get(run).curves().evaluations().add(point.envSteps(), point.meanReturn());
            }

            @Override
            public void finished(int run, TrainingRun.Outcome outcome) {
                reread(run);
            }

            @Override
            public void ended(int run, Exception failure) {
                reread(run);
            }

            private void reread(int run) {
                RunRow row = rows.get(run);
                var record = workspace.readEnded(plan.get(run).dir(), row.curves());
                fx.execute(() -> {
                    row.setRecord(record);
                    onRunEnded.accept(row);
                });
            }
        };
        Thread t = new Thread(() -> {
            Exception failure = null;
            try {
                ExperimentEngine.run(plan, parallel, ExperimentEngine.Keep.WORKSPACE,
                        run -> cancelAll.get() || stopped.contains(run), listener);
            } catch (Exception e) {
                failure = e;
            } finally {
                done.countDown();
            }
            Exception f = failure;
            fx.execute(() -> onEnd.accept(f));
        }, "a2c-experiment");
        t.setDaemon(true);
        t.start();
    }

    /** Stops every run at its next update; finished runs stay as they are. */
    void cancel() {
        cancelAll.set(true);
    }

    /** Stops one run (e.g. before deleting it); the others go on. */
    void stop(RunRow row) {
        int i = rows.indexOf(row);
        if (i >= 0) {
            stopped.add(i);
        }
    }

    /** Waits until every run has ended; false on timeout. */
    boolean await(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** True while this row's run is queued or training in the current experiment. */
    boolean owns(RunRow row) {
        return isRunning() && rows.contains(row);
    }
}
