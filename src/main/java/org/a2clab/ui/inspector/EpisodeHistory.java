package org.a2clab.ui.inspector;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.RecordedEpisode;

/**
 * The episodes to choose from, bounded: a 500-frame episode is small, but a long session would
 * otherwise keep every one. Training episodes get few slots so they never push out the user's.
 * Stable order, so nothing jumps under the pointer: the user's episodes (recorded, live) first,
 * then the training episodes, each newest first; a live episode's newer snapshot keeps its place.
 */
final class EpisodeHistory {
    static final int CAPACITY = 20;
    static final int TRAINING_CAPACITY = 5;

    private final ObservableList<RecordedEpisode> episodes = FXCollections.observableArrayList();
    private final ObservableList<RecordedEpisode> readOnly = FXCollections.unmodifiableObservableList(episodes);
    /** When each episode came in, to evict the oldest whatever its place in the list. */
    private final Map<RecordedEpisode, Long> arrival = new IdentityHashMap<>();
    private long arrivals;

    ObservableList<RecordedEpisode> episodes() {
        return readOnly;
    }

    /** Adds at the top of its group; evicts the oldest training episode, then the oldest of all, never {@code keep}. */
    void add(RecordedEpisode episode, RecordedEpisode keep) {
        int at = isTraining(episode) ? (int) episodes.stream().filter(e -> !isTraining(e)).count() : 0;
        episodes.add(at, episode);
        arrival.put(episode, arrivals++);
        if (episodes.stream().filter(EpisodeHistory::isTraining).count() > TRAINING_CAPACITY) {
            evictOldest(EpisodeHistory::isTraining, keep);
        }
        if (episodes.size() > CAPACITY) {
            evictOldest(e -> true, keep);
        }
    }

    private static boolean isTraining(RecordedEpisode e) {
        return e.kind() == EpisodeKind.TRAINING;
    }

    private void evictOldest(Predicate<RecordedEpisode> which, RecordedEpisode keep) {
        RecordedEpisode oldest = null;
        for (RecordedEpisode e : episodes) {
            if (which.test(e) && e != keep && (oldest == null || arrival.get(e) < arrival.get(oldest))) {
                oldest = e;
            }
        }
        if (oldest != null) {
            remove(oldest);
        }
    }

    private void remove(RecordedEpisode e) {
        for (int i = 0; i < episodes.size(); i++) {
            if (episodes.get(i) == e) {
                episodes.remove(i);
                arrival.remove(e);
                return;
            }
        }
    }

    /** Puts a newer snapshot of a live episode in the old one's place. */
    void replace(RecordedEpisode old, RecordedEpisode newer) {
        // by identity: records holding arrays are never equal to another snapshot anyway
        for (int i = 0; i < episodes.size(); i++) {
            if (episodes.get(i) == old) {
                episodes.set(i, newer);
                arrival.put(newer, arrival.remove(old));
                return;
            }
        }
        add(newer, null);
    }
}
