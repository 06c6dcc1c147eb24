package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's update and finished-episode rows for the metrics CSVs, in bounded memory, for the app
 * and for headless runs alike: a run may train for hours at ~1000 updates/s, so past
 * {@code capacity} rows every other row is dropped and from then on only every second (fourth,
 * ...) one is kept; the first and the latest row are always kept. Runs up to {@code capacity}
 * updates keep every row (a million env steps at the default batch of 16 × 5 = 80 samples is
 * 12,500 rows). The training thread records; any thread may read a copy.
 */
public final class MetricsLog {
    /** Rows of each kind kept by default: a few MB, the whole curve's shape, exported in about a second. */
    public static final int CAPACITY = 20_000;
    private final Thinned<UpdateStats> updates;
    private final Thinned<EpisodeStats> episodes;

    public MetricsLog() {
        this(CAPACITY);
    }

    public MetricsLog(int capacity) {
        if (capacity < 4) {
            throw new IllegalArgumentException("capacity must be ≥ 4, got " + capacity);
        }
        updates = new Thinned<>(capacity);
        episodes = new Thinned<>(capacity);
    }

    /** A log (of the default capacity) holding these rows, e.g. an opened model's curves. */
    public static MetricsLog of(List<UpdateStats> updates, List<EpisodeStats> episodes) {
        MetricsLog log = new MetricsLog();
        updates.forEach(log.updates::add);
        episodes.forEach(log.episodes::add);
        return log;
    }

    /** Called on the training thread after each update with the episodes it finished. */
    public synchronized void record(UpdateStats update, List<EpisodeStats> finished) {
        updates.add(update);
        finished.forEach(episodes::add);
    }

    public synchronized List<UpdateStats> updates() {
        return updates.copy();
    }

    public synchronized List<EpisodeStats> episodes() {
        return episodes.copy();
    }

    /** Rows thinned by a stride that doubles each time they pass the capacity. */
    private static final class Thinned<T> {
        private final int capacity;
        private final List<T> rows = new ArrayList<>();
        /** The last row added: kept even when the stride skips it, so a curve ends where the run is. */
        private T latest;
        private long seen;
        private long stride = 1;

        Thinned(int capacity) {
            this.capacity = capacity;
        }

        void add(T row) {
            latest = row;
            if (seen++ % stride == 0) {
                rows.add(row);
            }
            if (rows.size() + (latestSkipped() ? 1 : 0) > capacity) {
                // rows hold every stride-th row; keeping the even ones leaves every (2·stride)-th
                List<T> kept = new ArrayList<>(capacity / 2 + 1);
                for (int i = 0; i < rows.size(); i += 2) {
                    kept.add(rows.get(i));
                }
                rows.clear();
                rows.addAll(kept);
                stride *= 2;
            }
        }

        /** The latest row is not among the strided ones (identity: equal rows may repeat). */
        private boolean latestSkipped() {
            return latest != null && (rows.isEmpty() || rows.get(rows.size() - 1) != latest);
        }

        List<T> copy() {
            List<T> out = new ArrayList<>(rows.size() + 1);
            out.addAll(rows);
            if (latestSkipped()) {
                out.add(latest);
            }
            return List.copyOf(out);
        }
    }
}
