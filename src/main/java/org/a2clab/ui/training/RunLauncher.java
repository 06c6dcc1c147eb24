package org.a2clab.ui.training;

import java.util.concurrent.Executor;

/**
 * Starts sessions off the FX thread, the replaced one fully stopped first (two sessions must
 * never update at once: libtorch allows one gradient collector per JVM), and hears where each
 * stretch of training ends. The app's is the {@link TrainingService}; {@link #on} only starts and
 * stops, for view-model tests that run without an FX thread. Called on the FX thread.
 */
public interface RunLauncher {
    /** Stops {@code old} (null: none), then starts {@code next}, which reports into {@code feed}. */
    void launch(TrainingHandle old, TrainingHandle next, LiveFeed feed);

    /** The current session trains again after Stop or a failure (Continue, Resume). */
    void resumed();

    /** Stop: training ends, the session is held with its network for Export and the Inspector. */
    void stopped();

    /** The session failed ({@code message}: why); its last good network is kept unless it never built one. */
    void failed(String message);

    /** The session's thread has ended on its own (e.g. it could not build its network). */
    void ended();

    /**
     * The app closes: nothing more starts, and {@code current} (null: none) and every replaced
     * session not yet stopped are stopped before this returns.
     */
    void shutdown(TrainingHandle current);

    /** Starts and stops sessions in order on {@code control}; follows nothing else. */
    static RunLauncher on(Executor control) {
        return new RunLauncher() {
            @Override
            public void launch(TrainingHandle old, TrainingHandle next, LiveFeed feed) {
                control.execute(() -> {
                    if (old != null) {
                        old.stop();
                    }
                    next.start();
                });
            }

            @Override
            public void resumed() {
            }

            @Override
            public void stopped() {
            }

            @Override
            public void failed(String message) {
            }

            @Override
            public void ended() {
            }

            @Override
            public void shutdown(TrainingHandle current) {
                if (current != null) {
                    current.stop();
                }
            }
        };
    }
}
