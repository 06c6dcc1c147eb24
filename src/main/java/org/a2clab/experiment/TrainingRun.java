package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.a2clab.train.A2c;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.Run;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/**
 * One headless training run: a {@link Run} driven on the calling thread, which it prepares for
 * DJL (so any number of runs can go on in parallel, each on its own thread), with optional
 * metrics JSONL, best-checkpoint evaluation and saved bundles.
 */
public final class TrainingRun {
    /**
     * What a run gives back; {@code best} is null without evaluation; {@code metricsFailure} says
     * why the metrics file could not be written (the bundle is saved all the same), or is null.
     */
    public record Outcome(TrainingResult result, long solvedEnvSteps, BestCheckpoint.Point best,
            List<BestCheckpoint.Point> evaluations, double evalSeconds, double wallSeconds,
            String metricsFailure) {
    }

    /** Called after each update (progress bars); may be null. */
    public interface Progress {
        void afterUpdate(UpdateStats stats);

        /** A greedy evaluation of the best-checkpoint tracker finished. */
        default void evaluated(BestCheckpoint.Point point) {
        }
    }

    private TrainingRun() {
    }

    /**
     * Trains until solved or out of budget; throws CancellationException if {@code cancelled}
     * turns true (nothing is written then). {@code save}: final bundle there and the best one in
     * {@code save/best}; both may be null.
     */
    public static Outcome run(RunSettings s, Path metricsPath, Path save, Progress progress,
            BooleanSupplier cancelled) throws Exception {
        return run(s, metricsPath, save, progress, cancelled, false);
    }

    /** As above; {@code divergedIsUnsolved}: a diverged run ends as unsolved instead of throwing. */
    public static Outcome run(RunSettings s, Path metricsPath, Path save, Progress progress,
            BooleanSupplier cancelled, boolean divergedIsUnsolved) throws Exception {
        return run(s, metricsPath, save, progress, cancelled, divergedIsUnsolved, false);
    }

    /**
     * As above; {@code keepStopped}: a cancelled run still commits the metrics it wrote so far
     * (the app keeps a stopped run's curves), then throws CancellationException.
     */
    public static Outcome run(RunSettings s, Path metricsPath, Path save, Progress progress,
            BooleanSupplier cancelled, boolean divergedIsUnsolved, boolean keepStopped) throws Exception {
        long start = System.nanoTime();
        BestCheckpoint best = s.evaluates() ? new BestCheckpoint(s.evalEvery(), s.evalEpisodes()) : null;
        // kept only for --save: a bundle carries its training curves as CSV
        MetricsLog log = save == null ? null : new MetricsLog();
        try (MetricsWriter metrics = metricsPath == null ? null : new MetricsWriter(metricsPath)) {
            Recorder recorder = new Recorder(metrics, log, progress, cancelled);
            Run run = new Run(s.hp(), recorder);
            run.setBestCheckpoint(best);
            try {
                return run.runToEnd(s.rule(), (a2c, result, diverged) -> {
                    // among many runs a diverged one is an outcome (e.g. of a too-high α): unsolved
                    if (diverged != null && !divergedIsUnsolved) {
                        throw diverged;
                    }
                    if (best != null && save != null) {
                        // the final network competes for best/ too; without a save nobody would use it
                        int before = best.evaluations();
                        best.finish(a2c);
                        if (best.evaluations() > before) {
                            evaluated(metrics, progress, best.points().get(before));
                        }
                    }
                    String metricsFailure = commit(metrics);
                    if (save != null) {
                        RunModels.save(save, a2c.network(), best == null ? Checkpoint.FINAL_UNEVALUATED
                                : best.finalCheckpoint(a2c), best, 0, result, log);
                    }
                    return new Outcome(result, a2c.solvedEnvSteps(), best == null ? null : best.best(),
                            best == null ? List.of() : best.points(), best == null ? 0 : best.seconds(),
                            (System.nanoTime() - start) / 1e9, metricsFailure);
                });
            } catch (CancellationException e) {
                if (keepStopped) {
                    commit(metrics);
                }
                throw e;
            }
        }
    }

    /** The run's listener: cancellation, progress, metrics and the bundle's log. */
    private static final class Recorder implements TrainingListener {
        private final MetricsWriter metrics;
        private final MetricsLog log;
        private final Progress progress;
        private final BooleanSupplier cancelled;

        Recorder(MetricsWriter metrics, MetricsLog log, Progress progress, BooleanSupplier cancelled) {
            this.metrics = metrics;
            this.log = log;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
                RolloutSnapshot snapshot) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("stopped");
            }
            if (progress != null) {
                progress.afterUpdate(stats);
            }
            if (metrics != null) {
                metrics.write(stats, episodes);
            }
            if (log != null) {
                log.record(stats, episodes);
            }
        }

        @Override
        public void onEvaluation(EvaluationReport report) {
            evaluated(metrics, progress, report.point());
        }

        @Override
        public void onStateChanged(SessionState state, String message) {
        }
    }

    private static void evaluated(MetricsWriter metrics, Progress progress, BestCheckpoint.Point point) {
        if (metrics != null) {
            metrics.writeEvaluation(point);
        }
        if (progress != null) {
            progress.evaluated(point);
        }
    }

    /** Commits the metrics file; a failure is returned, not thrown, so the bundle is still saved. */
    private static String commit(MetricsWriter metrics) {
        if (metrics == null) {
            return null;
        }
        try {
            metrics.commit();
            return null;
        } catch (IOException e) {
            return e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
