package org.a2clab.ui.experiments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.Workspace;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * What the user does to listed runs on disk: rename one, delete several at once. The disk work
 * runs on {@code background}; the list and the message line change on the FX thread.
 */
final class RunActions {
    private final ObservableList<RunRow> rows;
    private final StringProperty message;
    private final ExperimentRunner runner;
    private final Executor background;
    private final Executor fx;

    RunActions(ObservableList<RunRow> rows, StringProperty message, ExperimentRunner runner, Executor background,
            Executor fx) {
        this.rows = rows;
        this.message = message;
        this.runner = runner;
        this.background = background;
        this.fx = fx;
    }

    /** Gives a run a name (blank: back to its settings); {@code changed} once the row shows it. */
    void rename(Workspace ws, RunRow row, String name, Runnable changed) {
        onDisk(() -> ws.rename(row.record(), name), renamed -> {
            // only the name changes: the row keeps its curves (live ones too) and metrics.jsonl is not read again
            row.setRecord(row.record().withName(renamed.name()));
            changed.run();
        }, "Could not rename: ");
    }

    /** True while the row's run is queued or training: it must be stopped before it is deleted. */
    boolean isTraining(RunRow row) {
        return runner.owns(row) && row.record().state() == org.a2clab.experiment.RunState.RUNNING;
    }

    /**
     * Deletes run folders (the user was asked once); training runs are stopped first. A folder the
     * store refuses is kept and named in the message line; the others go, in one change of the list.
     */
    void delete(Workspace ws, List<RunRow> doomed) {
        List<RunRow> now = new ArrayList<>();
        for (RunRow row : doomed) {
            if (isTraining(row)) {
                runner.stop(row);
                message.set("Stopping " + row.nameProperty().get() + " before deleting it…");
                RowText.whenEnded(row, () -> deleteNow(ws, List.of(row)));
            } else {
                now.add(row);
            }
        }
        if (!now.isEmpty()) {
            deleteNow(ws, now);
        }
    }

    private void deleteNow(Workspace ws, List<RunRow> doomed) {
        // names and records read here, on the FX thread
        List<String> names = doomed.stream().map(r -> r.nameProperty().get()).toList();
        List<RunRecord> records = doomed.stream().map(RunRow::record).toList();
        onDisk(() -> {
            List<RunRow> deleted = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                try {
                    ws.delete(records.get(i));
                    deleted.add(doomed.get(i));
                } catch (IOException | RuntimeException e) {
                    kept.add("\"" + names.get(i) + "\" (" + e.getMessage() + ")");
                }
            }
            return new Outcome(deleted, kept);
        }, done -> {
            rows.removeAll(new HashSet<>(done.deleted()));
            message.set(done.message(names));
        }, "Could not delete: ");
    }

    /** The rows whose folders went, and each refused run as "name" (why). */
    private record Outcome(List<RunRow> deleted, List<String> kept) {
        String message(List<String> names) {
            String gone = deleted.size() == 1 && names.size() == 1 ? "Deleted " + names.get(0) + "."
                    : "Deleted " + deleted.size() + (deleted.size() == 1 ? " run." : " runs.");
            return kept.isEmpty() ? gone : gone + " Kept " + String.join(", ", kept) + ".";
        }
    }

    private <T> void onDisk(Callable<T> work, Consumer<T> done, String failed) {
        new BackgroundWork(fx).then(BackgroundWork.supply(background, work), done,
                e -> message.set(failed + BackgroundWork.message(e)));
    }
}
