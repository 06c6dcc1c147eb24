package org.a2clab.ui.training;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.a2clab.train.EpisodeStats;
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

    final DropOldestQueue<UpdateStats> updates = new DropOldestQueue<>(20_000);
    final DropOldestQueue<EpisodeStats> episodes = new DropOldestQueue<>(20_000);
    // ≈ 10 s of frames at full speed; the renderer shows at most the latest few seconds anyway.
    final DropOldestQueue<WorkerFrame> frames = new DropOldestQueue<>(8_192);
    final DropOldestQueue<StateChange> states = new DropOldestQueue<>(1_000);
    final AtomicReference<RolloutSnapshot> snapshot = new AtomicReference<>();
    final AtomicReference<String> device = new AtomicReference<>();
    /** Rows for the exported CSVs: up to 200k of each (tens of MB), thinned beyond. */
    final RunLog metrics = new RunLog(200_000);

    @Override
    public void onUpdate(UpdateStats stats, List<EpisodeStats> finished, List<WorkerFrame> workerFrames,
            RolloutSnapshot rollout) {
        metrics.record(stats, finished);
        updates.add(stats);
        episodes.addAll(finished);
        frames.addAll(workerFrames);
        if (rollout != null) {
            snapshot.set(rollout);
        }
    }

    @Override
    public void onStateChanged(SessionState state, String message) {
        states.add(new StateChange(state, message));
    }
}
