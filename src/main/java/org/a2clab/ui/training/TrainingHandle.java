package org.a2clab.ui.training;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingStats;
import org.a2clab.train.TrainingView;

/**
 * What the view-model needs from a training session. An interface so view-model tests can drive
 * a fake session synchronously, without DJL or threads.
 */
public interface TrainingHandle {
    void start();

    void pause();

    void resume();

    /** Blocks until the session's thread has ended; never call it on the FX thread. */
    void stop();

    /** Live-applicable fields only; see {@link Hyperparameters#needsRestartFor}. */
    void setHyperparameters(Hyperparameters hp);

    Hyperparameters hyperparameters();

    void requestSnapshot();

    /** The device the network runs on, known once the session has built it. */
    CompletableFuture<String> deviceName();

    /** The session's own counters (from zero, not an opened model's), read between updates. */
    CompletableFuture<TrainingStats> stats();

    /**
     * Runs {@code job} on the training thread between updates (e.g. saving the network), with the
     * network, the counters and the best checkpoint, never the trainer itself.
     */
    <T> CompletableFuture<T> submit(Function<TrainingView, T> job);

    /** On: the session pauses once the run is solved ({@link org.a2clab.train.Run#setStopWhenSolved}). */
    void setStopWhenSolved(boolean on);
}
