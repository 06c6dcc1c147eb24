package org.a2clab.ui.training;

import java.util.List;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/**
 * Receives a run's results on the FX thread, batched once per pulse. Plots, the renderer and the
 * status bar implement it; {@link #reset()} starts a new run with empty history. A run's start and
 * end carry its session ({@link #runStarted}, {@link #runEnded}), from {@link CurrentRun}, its one owner.
 */
public interface TrainingObserver {
    /** A new run: clear its history. */
    default void reset() {
    }

    /**
     * {@code run} is the new run's session: right after {@link #reset()}, before any of its results
     * (an opened model's curves included), and before it starts.
     */
    default void runStarted(TrainingHandle run) {
    }

    /**
     * {@code run}'s run has ended: a new run replaces it (before the new one's {@link #runStarted})
     * or the app closes. Its session still holds its network until the launcher stops it.
     */
    default void runEnded(TrainingHandle run) {
    }

    /**
     * After {@link #reset()} when the run goes on from an opened model's training: its counters.
     * Its curves, when the bundle had them, follow as ordinary {@link #onUpdates}/{@link #onEpisodes}.
     */
    default void onRunStart(RunStart start) {
    }

    /** Never empty; in update order. */
    default void onUpdates(List<UpdateStats> updates) {
    }

    default void onEpisodes(List<EpisodeStats> episodes) {
    }

    /** The rendered worker's steps, oldest first. */
    default void onFrames(List<WorkerFrame> frames) {
    }

    default void onSnapshot(RolloutSnapshot snapshot) {
    }

    /** A periodic greedy evaluation of the run's network (env steps counted as in the updates). */
    default void onEvaluation(EvaluationReport report) {
    }

    /**
     * Once per run: it was first solved at {@code envSteps} after {@code trainingSeconds} of training
     * (NaN: unknown), counted as in the updates. An opened model that was solved says so after its
     * curves; else the session's own solve ({@link org.a2clab.train.TrainingListener#onSolved}),
     * after the pulse's updates.
     */
    default void onSolved(long envSteps, double trainingSeconds) {
    }

    /** The session paused because the run was solved and "stop when solved" is on. */
    default void onSolvedPause() {
    }

    /** A live setting reached the running session (plots mark the moment). */
    default void onLiveChange(LiveChange change) {
    }
}
