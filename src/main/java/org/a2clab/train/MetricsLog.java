package org.a2clab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Every update's and finished episode's statistics of one run, in order, for the metrics CSVs.
 * The training thread records; any thread may read a copy (one row per update: a million env
 * steps at the default batch of 16 × 5 = 80 samples is 12,500 rows).
 */
public final class MetricsLog {
    private final List<UpdateStats> updates = new ArrayList<>();
    private final List<EpisodeStats> episodes = new ArrayList<>();

    /** Called on the training thread after each update with the episodes it finished. */
    public synchronized void record(UpdateStats update, List<EpisodeStats> finished) {
        updates.add(update);
        episodes.addAll(finished);
    }

    public synchronized List<UpdateStats> updates() {
        return List.copyOf(updates);
    }

    public synchronized List<EpisodeStats> episodes() {
        return List.copyOf(episodes);
    }

    /** Forgets everything, for a retrain from scratch. */
    public synchronized void clear() {
        updates.clear();
        episodes.clear();
    }
}
