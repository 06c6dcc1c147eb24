package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.A2c;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.StopRule;
import org.a2clab.train.TrainingDivergedException;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;

/**
 * One headless training run on the calling thread, which it prepares for DJL (so any number of
 * runs can go on in parallel, each on its own thread): optional metrics JSONL, best-checkpoint
 * evaluation, saved bundles, and a coarse mean-100 curve for plots.
 */
public final class TrainingRun {
    /** The mean-100 curve is sampled every this many env steps. */
    public static final long CURVE_STEP = 5_000;

    /**
     * What a run gives back; {@code best} is null without evaluation; {@code metricsFailure} says
     * why the metrics file could not be written (the bundle is saved all the same), or is null.
     */
    public record Outcome(TrainingResult result, long solvedEnvSteps, BestCheckpoint.Point best,
            List<BestCheckpoint.Point> evaluations, double evalSeconds, double wallSeconds,
            double[] curve, String metricsFailure) {
    }

    /** Called after each update (progress bars); may be null. */
    public interface Progress {
        void afterUpdate(A2c a2c, UpdateStats stats);

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
        DjlRuntime.prepareTrainingThread();
        Hyperparameters hp = s.hp();
        StopRule rule = s.rule();
        BestCheckpoint best = s.evaluates() ? new BestCheckpoint(s.evalEvery(), s.evalEpisodes()) : null;
        // kept only for --save: a bundle carries its training curves as CSV
        MetricsLog log = save == null ? null : new MetricsLog();
        List<Double> curve = new ArrayList<>();
        try (A2c a2c = new A2c(hp);
                MetricsWriter metrics = metricsPath == null ? null : new MetricsWriter(metricsPath)) {
            StopRule.UpdateObserver observer = (algo, stats) -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("stopped");
                }
                while (curve.size() * CURVE_STEP < stats.envSteps()) {
                    curve.add(stats.meanReturnLast100());
                }
                if (progress != null) {
                    progress.afterUpdate(algo, stats);
                }
                if (metrics != null) {
                    metrics.write(stats, algo.finishedEpisodes());
                }
                if (log != null) {
                    log.record(stats, algo.finishedEpisodes());
                }
                if (best != null) {
                    int before = best.points().size();
                    best.afterUpdate(algo);
                    if (best.points().size() > before) {
                        evaluated(metrics, progress, best.points().get(before));
                    }
                }
            };
            TrainingResult result;
            try {
                result = rule.runUntilDone(a2c, observer);
            } catch (CancellationException e) {
                if (keepStopped) {
                    commit(metrics);
                }
                throw e;
            } catch (TrainingDivergedException e) {
                if (!divergedIsUnsolved) {
                    throw e;
                }
                // among many runs a diverged one is an outcome (e.g. of a too-high α): unsolved
                result = new TrainingResult(false, a2c.envSteps(), a2c.updates(), a2c.episodes(),
                        a2c.trainingSeconds(), a2c.meanReturnLast100(), a2c.deviceName(), hp);
            }
            if (best != null && save != null) {
                // the final network competes for best/ too; without a save nobody would use it
                int before = best.points().size();
                best.finish(a2c);
                if (best.points().size() > before) {
                    evaluated(metrics, progress, best.points().get(before));
                }
            }
            String metricsFailure = commit(metrics);
            if (save != null) {
                RunModels.save(save, a2c.network(), best == null ? Checkpoint.FINAL_UNEVALUATED
                        : best.finalCheckpoint(a2c), best, 0, result, log);
            }
            double[] samples = curve.stream().mapToDouble(Double::doubleValue).toArray();
            return new Outcome(result, a2c.solvedEnvSteps(), best == null ? null : best.best(),
                    best == null ? List.of() : best.points(), best == null ? 0 : best.seconds(),
                    (System.nanoTime() - start) / 1e9, samples, metricsFailure);
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
