package org.a2clab.ui.experiments;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.RunRecord;

/**
 * Recomputes the comparison off the FX thread (the bootstrap intervals take milliseconds per
 * group), at most one at a time: a request while one runs is folded into one more run after it.
 */
final class ComparisonJob {
    private final Executor background;
    private final Executor fx;
    private final Supplier<List<RunRecord>> runs;
    private final Consumer<List<Comparison.Group>> result;
    private boolean busy;
    private boolean again;

    ComparisonJob(Executor background, Executor fx, Supplier<List<RunRecord>> runs,
            Consumer<List<Comparison.Group>> result) {
        this.background = background;
        this.fx = fx;
        this.runs = runs;
        this.result = result;
    }

    /** On the FX thread. */
    void request() {
        if (busy) {
            again = true;
            return;
        }
        busy = true;
        again = false;
        List<RunRecord> chosen = runs.get();
        try {
            background.execute(() -> {
                List<Comparison.Group> groups = Comparison.of(chosen);
                fx.execute(() -> {
                    result.accept(groups);
                    busy = false;
                    if (again) {
                        request();
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // the app is closing: a run that ended on the way out needs no new table
            busy = false;
        }
    }
}
