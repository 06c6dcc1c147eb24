package org.a2clab.ui.training;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.StopRule;
import org.a2clab.train.UpdateStats;

/**
 * A run's update and episode rows for the exported CSVs, in bounded memory: the app trains for
 * hours at ~1000 updates/s, so past {@code capacity} rows every other row is dropped and from
 * then on only every second (fourth, ...) one is kept. Short runs keep every row. Thread-safe.
 */
final class RunLog {
    private final int capacity;
    private final Thinned<UpdateStats> updates;
    private final Thinned<EpisodeStats> episodes;
    private long solvedAtStep = -1;

    RunLog(int capacity) {
        this.capacity = capacity;
        updates = new Thinned<>();
        episodes = new Thinned<>();
    }

    /** Starts from an opened model's curves and solved step (nothing for a fresh run). */
    synchronized void seed(RunStart start) {
        solvedAtStep = start.solvedAtStep();
        for (UpdateStats u : start.updateHistory()) {
            updates.add(u);
        }
        for (EpisodeStats e : start.episodeHistory()) {
            episodes.add(e);
        }
    }

    /** On the training thread after each update. */
    synchronized void record(UpdateStats update, List<EpisodeStats> finished) {
        if (solvedAtStep < 0 && StopRule.solved(update.episodes(), update.meanReturnLast100(), StopRule.SOLVED_RETURN)) {
            solvedAtStep = update.envSteps();
        }
        updates.add(update);
        for (EpisodeStats e : finished) {
            episodes.add(e);
        }
    }

    /** Env steps when the run first met {@link StopRule#solved}; −1 while it never has. */
    synchronized long solvedAtStep() {
        return solvedAtStep;
    }

    /** A copy for the exporter; MetricsLog files episodes under an update, the CSVs list them apart. */
    synchronized MetricsLog toMetricsLog() {
        MetricsLog log = new MetricsLog();
        List<UpdateStats> rows = updates.rows;
        for (int i = 0; i < rows.size(); i++) {
            log.record(rows.get(i), i == rows.size() - 1 ? episodes.rows : List.of());
        }
        return log;
    }

    private final class Thinned<T> {
        final List<T> rows = new ArrayList<>();
        long seen;
        long stride = 1;

        void add(T row) {
            if (seen++ % stride != 0) {
                return;
            }
            rows.add(row);
            if (rows.size() > capacity) {
                List<T> kept = new ArrayList<>(capacity / 2 + 1);
                for (int i = 0; i < rows.size(); i += 2) {
                    kept.add(rows.get(i));
                }
                rows.clear();
                rows.addAll(kept);
                stride *= 2;
            }
        }
    }
}
