package org.a2clab.train;

import org.a2clab.agent.ActorCritic;

/**
 * What a job from the app may see of a {@link Run}, between two updates on its
 * training thread: the network (forward passes, saving), the counters and the best checkpoint,
 * never the {@link A2c} that trains. Valid only inside the job.
 */
public final class TrainingView {
    private final A2c a2c;
    private final BestCheckpoint best;

    TrainingView(A2c a2c, BestCheckpoint best) {
        this.a2c = a2c;
        this.best = best;
    }

    /** The network being trained; use it for forward passes and saving, and do not close it. */
    public ActorCritic network() {
        return a2c.network();
    }

    /** The run's counters now, consistent with {@link #network()}. */
    public TrainingStats stats() {
        return TrainingStats.of(a2c);
    }

    /** The hyperparameters the session trains with now (live changes included). */
    public Hyperparameters hyperparameters() {
        return a2c.hyperparameters();
    }

    /** The session's greedy evaluations; null if it keeps none. */
    public BestCheckpoint best() {
        return best;
    }

    /** The manifest entry of the network as it is now: evaluated if the last evaluation was at this step. */
    public Checkpoint finalCheckpoint() {
        return best == null ? Checkpoint.FINAL_UNEVALUATED : best.finalCheckpoint(a2c);
    }
}
