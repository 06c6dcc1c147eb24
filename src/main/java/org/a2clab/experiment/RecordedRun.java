package org.a2clab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.StopRule;
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

    /** Starts the run's folder; {@code settings}' stop rule gives the target that counts as solved. */
    public static RecordedRun begin(Path dir, RunSettings settings) throws IOException {
        return new RecordedRun(dir, settings);
    }

    public Path dir() {
        return dir;
    }

    public void update(UpdateStats s, List<EpisodeStats> episodes) {
        metrics.write(s, episodes);
        last = s;
        if (solvedAt < 0 && StopRule.solved(s.episodes(), s.meanReturnLast100(), settings.rule().targetReturn())) {
            solvedAt = s.envSteps();
            solvedAtSeconds = s.trainingSeconds();
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
        new RunMeta(null, state, reason, settings, null).write(dir);
    }

    /** Puts metrics.jsonl so far in place; the run's state stays as it is. */
    public void checkpoint() throws IOException {
        metrics.publish();
    }

    /**
     * Puts metrics.jsonl in place and writes result.json: solved at the first update whose
     * mean-100 reached the target (its steps and time), and the run's totals, which go on past the
     * solve until the user stops. A run without a single update is kept as stopped.
     */
    public void end(String device) throws IOException {
        try (RunLock held = lock) {
            try {
                metrics.commit();
            } finally {
                metrics.close();
            }
            if (last == null) {
                RunMeta.stopped(settings).write(dir);
                return;
            }
            TrainingResult r = new TrainingResult(solvedAt >= 0, last.envSteps(), last.update(), last.episodes(),
                    last.trainingSeconds(), last.meanReturnLast100(), device, settings.hp(), solvedAt, solvedAtSeconds);
            RunJson.write(dir.resolve(RunFolder.RESULT), RunJson.result(r));
            RunMeta.finished(settings).write(dir);
        }
    }
}
