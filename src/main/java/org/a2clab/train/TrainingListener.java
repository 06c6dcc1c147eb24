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

    /**
     * The session changed state; {@code message} explains failures and a pause because the run
     * was solved ({@link Run#SOLVED_PAUSE}), else is empty.
     */
    void onStateChanged(SessionState state, String message);

    /** After each periodic greedy evaluation of the session's best checkpoint, if it keeps one. */
    default void onEvaluation(EvaluationReport report) {
    }
}
