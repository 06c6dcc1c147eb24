package org.a2clab.ui.experiments;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.RunRecord;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * Recomputes the comparison off the FX thread (the bootstrap intervals take milliseconds per
 * group, P(better than baseline) a few more), at most one at a time: a request while one runs is folded into one more run after it.
 */
final class ComparisonJob {
    private final Executor background;
    private final BackgroundWork callbacks;
    private final Supplier<List<RunRecord>> runs;
    private final Consumer<List<Comparison.Group>> result;
    private boolean busy;
    private boolean again;
    /** The key of the group the others are compared with; null: the first group. */
    private String baseline;

    ComparisonJob(Executor background, Executor fx, Supplier<List<RunRecord>> runs,
            Consumer<List<Comparison.Group>> result) {
        this.background = background;
        this.callbacks = new BackgroundWork(fx);
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
        String base = baseline;
        CompletableFuture<List<Comparison.Group>> work;
        try {
            work = BackgroundWork.supply(background, () -> Comparison.of(chosen, base));
        } catch (RejectedExecutionException e) {
            // the app is closing: a run that ended on the way out needs no new table
            busy = false;
            return;
        }
        // a failed comparison keeps the last table; either way the next request runs
        callbacks.then(work, groups -> {
            result.accept(groups);
            finished();
        }, error -> finished());
    }

    /** On the FX thread: compares every other group with the group of this key from now on. */
    void chooseBaseline(String groupKey) {
        baseline = groupKey;
        request();
    }

    private void finished() {
        busy = false;
        if (again) {
            request();
        }
    }
}
