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

    /** The session changed state; {@code message} explains a failure, else is empty. */
    void onStateChanged(SessionState state, String message);

    /**
     * Once per session, right after the update at which its {@link A2c} was first solved
     * ({@link A2c#solvedEnvSteps}: the rule that drives "stop when solved" and a headless run's
     * stop): the session's env steps then and its training seconds at the end of that update.
     * The one place "solved" is decided; everything else that says solved takes it from here.
     */
    default void onSolved(long envSteps, double trainingSeconds) {
    }

    /** The session paused by itself, right after its PAUSED state, because "stop when solved" is on and the run is solved. */
    default void onSolvedPause() {
    }

    /** After each periodic greedy evaluation of the session's best checkpoint, if it keeps one. */
    default void onEvaluation(EvaluationReport report) {
    }
}
