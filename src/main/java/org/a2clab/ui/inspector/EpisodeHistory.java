package org.a2clab.ui.inspector;

import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.RecordedEpisode;

/**
 * The episodes to choose from, bounded: a 500-frame episode is small, but a long session would
 * otherwise keep every one. Training episodes get few slots so they never push out the user's.
 */
final class EpisodeHistory {
    static final int CAPACITY = 20;
    static final int TRAINING_CAPACITY = 5;

    private final ObservableList<RecordedEpisode> episodes = FXCollections.observableArrayList();
    private final ObservableList<RecordedEpisode> readOnly = FXCollections.unmodifiableObservableList(episodes);

    ObservableList<RecordedEpisode> episodes() {
        return readOnly;
    }

    /** Appends; evicts the oldest training episode, then the oldest of all, never {@code keep}. */
    void add(RecordedEpisode episode, RecordedEpisode keep) {
        episodes.add(episode);
        if (episodes.stream().filter(e -> e.kind() == EpisodeKind.TRAINING).count() > TRAINING_CAPACITY) {
            evictFirst(e -> e.kind() == EpisodeKind.TRAINING, keep);
        }
        if (episodes.size() > CAPACITY) {
            evictFirst(e -> true, keep);
        }
    }

    private void evictFirst(Predicate<RecordedEpisode> which, RecordedEpisode keep) {
        for (int i = 0; i < episodes.size(); i++) {
            RecordedEpisode e = episodes.get(i);
            if (which.test(e) && e != keep) {
                episodes.remove(i);
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
                return;
            }
        }
        episodes.add(newer);
    }
}
