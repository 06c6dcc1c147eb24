package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.UpdateStats;

/**
 * A run the app's Training tab trains (Train, Retrain, a continued model), written into the
 * workspace in the same layout as an experiment's runs: run.json with its state from the start,
 * and when it ends its metrics.jsonl and a result.json of how far it got; at each
 * {@link #checkpoint} (Stop, and every half minute or so while it trains) the metrics so far. From
 * {@link #begin} to {@link #end} this process holds the run's {@link RunLock}, so an app that is
 * killed leaves a run that reads as cut off, with its curves up to the last checkpoint. Its
 * models are saved apart ({@link RunModels}), on the training thread. Not thread-safe: one thread writes.
 */
public final class RecordedRun {
    private final Path dir;
    private final RunSettings settings;
    private final RunLock lock;
    private final MetricsWriter metrics;
    private UpdateStats last;
    private long solvedAt = -1;
    private double solvedAtSeconds = Double.NaN;
    /** The state the app last gave it, so a run that ends failed stays failed, with its reason. */
    private RunState state = RunState.RUNNING;
    private String reason;

    private RecordedRun(Path dir, RunSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.lock = RunLock.hold(dir);
        try {
            RunMeta.running(settings).write(dir);
            this.metrics = new MetricsWriter(dir.resolve(RunFolder.METRICS));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Starts the run's folder, as running. */
    public static RecordedRun begin(Path dir, RunSettings settings) throws IOException {
        return new RecordedRun(dir, settings);
    }

    public Path dir() {
        return dir;
    }

    public void update(UpdateStats s, List<EpisodeStats> episodes) {
        metrics.write(s, episodes);
        last = s;
    }

    /**
     * The run was first solved at {@code envSteps}, after {@code seconds} of training (NaN:
     * unknown, e.g. an opened model's solve): its training's own solved event, not worked out here.
     */
    public void solved(long envSteps, double seconds) {
        if (solvedAt < 0) {
            solvedAt = envSteps;
            solvedAtSeconds = seconds;
        }
    }

    public void evaluation(BestCheckpoint.Point p) {
        metrics.writeEvaluation(p);
    }

    /**
     * The Training tab's run is now {@code state} (running, paused, stopped, or failed for
     * {@code reason}): run.json says so at once, as the runs list and the status bar do.
     */
    public void mark(RunState state, String reason) throws IOException {
        this.state = state;
        this.reason = reason;
        new RunMeta(null, state, reason, settings, null).write(dir);
    }

    /** Puts metrics.jsonl so far in place; the run's state stays as it is. */
    public void checkpoint() throws IOException {
        metrics.publish();
    }

    /**
     * Puts metrics.jsonl in place and writes result.json: solved where {@link #solved} said (its
     * steps and time), and the run's totals, which go on past the solve until the user stops. The
     * run ends failed with its reason when its last state was failed; else finished, or stopped
     * without a single update (no result.json then).
     */
    public void end(String device) throws IOException {
        try (RunLock held = lock) {
            try {
                metrics.commit();
            } finally {
                metrics.close();
            }
            if (last != null) {
                TrainingResult r = new TrainingResult(solvedAt >= 0, last.envSteps(), last.update(), last.episodes(),
                        last.trainingSeconds(), last.meanReturnLast100(), device, settings.hp(), solvedAt,
                        solvedAtSeconds);
                RunJson.write(dir.resolve(RunFolder.RESULT), RunJson.result(r));
            }
            RunMeta ended = state == RunState.FAILED ? RunMeta.failed(settings, reason)
                    : last == null ? RunMeta.stopped(settings) : RunMeta.finished(settings);
            ended.write(dir);
        }
    }
}
