package org.a2clab.ui.training;

import org.a2clab.train.EpisodeStats;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/** Hand-made statistics for tests. */
public final class Samples {
    private Samples() {
    }

    public static UpdateStats update(long update, long envSteps, double meanReturn) {
        return update(update, envSteps, update, meanReturn);
    }

    public static UpdateStats update(long update, long envSteps, long episodes, double meanReturn) {
        Summary s = new Summary(0.5, 0.1, 0.3, 0.7);
        return new UpdateStats(update, envSteps, episodes, 0.1, 0.2, 0.69, 0.3, 0.5, 1.5, 2e-3, s, s, s,
                new Summary(0, 1, -2, 2), meanReturn, 10_000, envSteps / 10_000.0);
    }

    public static EpisodeStats episode(long index, long envSteps, double ret) {
        return new EpisodeStats(index, 0, ret, (int) ret, true, false, envSteps);
    }

    public static WorkerFrame frame(int step, boolean terminated, boolean truncated) {
        return new WorkerFrame(new double[] {0.1, 0, 0.02, 0}, 0.6f, 20f, 1, 1f, terminated, truncated, step);
    }
}
