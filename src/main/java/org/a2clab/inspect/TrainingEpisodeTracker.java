package org.a2clab.inspect;

import org.a2clab.train.WorkerFrame;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rendered worker's frames across updates (each update brings only nSteps of them)
 * into whole episodes. Frames before the first episode start are skipped, and an episode with a
 * gap (frames dropped on the way to the UI) is discarded, so every episode it returns is complete
 * and consecutive. Confined to one thread.
 */
public final class TrainingEpisodeTracker {
    private final List<WorkerFrame> current = new ArrayList<>();
    private boolean started;

    /** Adds one update's frames; returns the episodes that ended in them (usually none). */
    public List<List<WorkerFrame>> accept(List<WorkerFrame> frames) {
        List<List<WorkerFrame>> finished = new ArrayList<>();
        for (WorkerFrame f : frames) {
            if (f.episodeStep() == 0) {
                current.clear();
                started = true;
            }
            if (!started) {
                continue;
            }
            if (!current.isEmpty() && f.episodeStep() != current.get(current.size() - 1).episodeStep() + 1) {
                current.clear();
                started = false;
                continue;
            }
            current.add(f);
            if (f.terminated() || f.truncated()) {
                finished.add(List.copyOf(current));
                current.clear();
                started = false;
            }
        }
        return finished;
    }
}
