package org.a2clab.train;

import java.util.List;

/**
 * Receives a session's results on the training thread. Implementations must only hand the
 * (immutable) values over, e.g. into an AtomicReference or a queue, and never block.
 */
public interface TrainingListener {
    /**
     * After every update: its statistics, the episodes that ended in it, the rendered worker's
     * frames, and a rollout snapshot if one was requested since the last update (else null).
     */
    void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
            RolloutSnapshot snapshot);

    /** The session changed state; {@code message} explains failures, else is empty. */
    void onStateChanged(SessionState state, String message);
}
