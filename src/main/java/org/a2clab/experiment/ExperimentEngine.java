package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.UpdateStats;

/**
 * The one experiment engine of {@code sweep} and the app's Experiments tab: trains planned runs,
 * {@code parallel} at a time, each into its own folder of the run layout ({@link RunFolder}).
 * {@link Keep#SWEEP} writes exactly what {@code sweep} always wrote (metrics.jsonl and result.json;
 * a cancelled run leaves nothing, the first failure stops the rest). {@link Keep#WORKSPACE} also
 * writes run.json and the final and best models, keeps a stopped run's curves, and a failed run
 * is recorded as failed while the others go on; each run is held ({@link RunLock}) while it trains.
 */
public final class ExperimentEngine {
    /** One run to train: its settings, seed included, and its folder. */
    public record PlannedRun(RunSettings settings, Path dir) {
    }

    /** What a run leaves behind. */
    public enum Keep { SWEEP, WORKSPACE }

    /** Called on the run's own thread; every method may be left out. */
    public interface Listener {
        default void started(int run) {
        }

        default void updated(int run, UpdateStats stats) {
        }

        default void evaluated(int run, BestCheckpoint.Point point) {
        }

        default void finished(int run, TrainingRun.Outcome outcome) {
        }

        /** Cancelled, or failed with {@code failure} (null when cancelled). */
        default void ended(int run, Exception failure) {
        }
    }

    private ExperimentEngine() {
    }

    /**
     * Trains every run and returns the outcomes in plan order, null where a run did not finish;
     * {@code cancelled} is asked after each update with the run's index.
     */
    public static List<TrainingRun.Outcome> run(List<PlannedRun> plan, int parallel, Keep keep,
            IntPredicate cancelled, Listener listener) throws Exception {
        List<ParallelRuns.Task<TrainingRun.Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            int index = i;
            PlannedRun run = plan.get(i);
            tasks.add(() -> {
                if (keep == Keep.SWEEP) {
                    return trainOne(index, run, keep, cancelled, listener);
                }
                // held until the run's last state is written: a killed app leaves it cut off
                try (RunLock held = RunLock.hold(run.dir())) {
                    try {
                        return trainOne(index, run, keep, cancelled, listener);
                    } catch (CancellationException e) {
                        throw e;
                    } catch (Exception e) {
                        // in the app one broken run (disk full, diverged device) must not stop the others
                        RunMeta.failed(run.settings(), describe(e)).write(run.dir());
                        listener.ended(index, e);
                        return null;
                    }
                }
            });
        }
        return ParallelRuns.run(tasks, parallel, outcome -> {
            // listeners heard of it already
        });
    }

    private static TrainingRun.Outcome trainOne(int index, PlannedRun run, Keep keep, IntPredicate cancelled,
            Listener listener) throws Exception {
        Path dir = run.dir();
        boolean workspace = keep == Keep.WORKSPACE;
        Files.createDirectories(dir);
        if (workspace) {
            RunMeta.running(run.settings()).write(dir);
        }
        listener.started(index);
        TrainingRun.Progress progress = new TrainingRun.Progress() {
            @Override
            public void afterUpdate(UpdateStats stats) {
                listener.updated(index, stats);
            }

            @Override
            public void evaluated(BestCheckpoint.Point point) {
                listener.evaluated(index, point);
            }
        };
        TrainingRun.Outcome outcome;
        try {
            outcome = TrainingRun.run(run.settings(), dir.resolve(RunFolder.METRICS),
                    workspace ? dir.resolve(RunFolder.MODEL) : null, progress, () -> cancelled.test(index),
                    true, workspace);
        } catch (CancellationException e) {
            if (workspace) {
                RunMeta.stopped(run.settings()).write(dir);
            } else {
                // an unfinished sweep run leaves nothing behind (its metrics were never committed)
                Files.deleteIfExists(dir);
            }
            listener.ended(index, null);
            throw e;
        }
        RunJson.write(dir.resolve(RunFolder.RESULT), RunJson.result(outcome));
        if (outcome.metricsFailure() != null) {
            throw new IOException("could not write " + dir.resolve(RunFolder.METRICS) + ": "
                    + outcome.metricsFailure());
        }
        if (workspace) {
            RunMeta.finished(run.settings()).write(dir);
        }
        listener.finished(index, outcome);
        return outcome;
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
