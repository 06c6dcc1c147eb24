package org.a2clab.ui.training;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/**
 * One session's results, handed from the training thread to the FX thread. The training thread
 * only enqueues immutable values; the FX thread drains once per pulse. One feed per session, so a
 * stopped session that still reports cannot leak into the next run's plots.
 */
final class LiveFeed implements TrainingListener {
    /** A state change and its message (empty unless the session failed). */
    record StateChange(SessionState state, String message) {
    }

    /** When the run was first solved, in the run's env steps and training seconds (NaN: unknown). */
    record Solved(long envSteps, double trainingSeconds) {
    }

    final DropOldestQueue<UpdateStats> updates = new DropOldestQueue<>(20_000);
    final DropOldestQueue<EpisodeStats> episodes = new DropOldestQueue<>(20_000);
    // ≈ 10 s of frames at full speed; the renderer shows at most the latest few seconds anyway.
    final DropOldestQueue<WorkerFrame> frames = new DropOldestQueue<>(8_192);
    final DropOldestQueue<StateChange> states = new DropOldestQueue<>(1_000);
    final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
    /** One every 20,000 env steps: a bound that never drops any in practice. */
    final DropOldestQueue<EvaluationReport> evaluations = new DropOldestQueue<>(1_000);
    /** Set when the session paused because the run was solved; taken by the next pulse. */
    final AtomicBoolean solvedPause = new AtomicBoolean();
    /** The session's solve, once, for the next pulse; taken by it. */
    final AtomicReference<Solved> solved = new AtomicReference<>();
    /** The latest evaluation, for Export's "best so far" question; null before the first. */
    final AtomicReference<EvaluationReport> latestEvaluation = new AtomicReference<>();
    final AtomicReference<String> device = new AtomicReference<>();
    /** Rows for the exported CSVs, from an opened model's own; thinned past its capacity. */
    final MetricsLog metrics;
    /**
     * Env steps when the run was first solved: an opened model's own solve, else the session's
     * ({@link #onSolved}); −1 while it never was.
     */
    final AtomicLong solvedAtStep;
    final RunStart start;

    LiveFeed(RunStart start) {
        this.start = start;
        metrics = MetricsLog.of(start.updateHistory(), start.episodeHistory());
        solvedAtStep = new AtomicLong(start.solvedAtStep());
    }

    @Override
    public void onUpdate(UpdateStats session, List<EpisodeStats> sessionEpisodes, List<WorkerFrame> workerFrames,
            RolloutSnapshot rollout) {
        // counted on from where an opened model's training ended
        UpdateStats stats = start.shift(session);
        List<EpisodeStats> finished = new java.util.ArrayList<>(sessionEpisodes.size());
        for (EpisodeStats e : sessionEpisodes) {
            finished.add(start.shift(e));
        }
        metrics.record(stats, finished);
        updates.add(stats);
        episodes.addAll(finished);
        frames.addAll(workerFrames);
        if (rollout != null) {
            snapshot.set(rollout);
        }
    }

    @Override
    public void onEvaluation(EvaluationReport report) {
        EvaluationReport shifted = start.shift(report);
        evaluations.add(shifted);
        latestEvaluation.set(shifted);
    }

    @Override
    public void onStateChanged(SessionState state, String message) {
        states.add(new StateChange(state, message));
    }

    /**
     * The session's solve, counted on from an opened model's steps and time. A model that was
     * solved already keeps its own earlier solve: the run was solved then.
     */
    @Override
    public void onSolved(long envSteps, double trainingSeconds) {
        long at = envSteps + start.envSteps();
        if (solvedAtStep.compareAndSet(-1, at)) {
            solved.set(new Solved(at, trainingSeconds + start.trainingSeconds()));
        }
    }

    @Override
    public void onSolvedPause() {
        solvedPause.set(true);
    }
}
