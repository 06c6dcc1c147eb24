package org.a2clab.ui.experiments;

import java.util.List;
import java.util.function.Predicate;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;

/** The live part of the runs list: steps, result text and progress bars of the runs training now. */
final class LiveProgress {
    private LiveProgress() {
    }

    /**
     * Refreshes the rows of training runs; returns the experiment's overall progress in [0, 1],
     * −1 when only runs of the Training tab train, NaN when nothing trains.
     */
    static double refresh(List<RunRow> rows, Predicate<RunRow> inExperiment, List<String> differing) {
        double sum = 0;
        int n = 0;
        boolean any = false;
        for (RunRow row : rows) {
            boolean owned = inExperiment.test(row);
            if (!owned && !row.isLive()) {
                continue;
            }
            any = true;
            RunRecord r = row.record();
            if (owned) {
                long budget = RowText.budget(r);
                boolean training = r.state() == RunState.RUNNING;
                double p = !training ? 1 : budget == 0 ? 0 : Math.min(1.0, (double) r.curves().envSteps() / budget);
                row.progressProperty().set(training ? p : -1);
                sum += p;
                n++;
            }
            RowText.refresh(row, differing);
        }
        if (!any) {
            return Double.NaN;
        }
        return n == 0 ? -1 : sum / n;
    }
}
