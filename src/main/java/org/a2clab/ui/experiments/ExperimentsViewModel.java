package org.a2clab.ui.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.ComparisonCsv;
import org.a2clab.experiment.ExperimentEngine;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.SettingsText;
import org.a2clab.experiment.Workspace;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * The Experiments tab: the runs of a workspace folder, which of them are overlaid, how the
 * charts group them, the comparison of their groups, and the experiment training now.
 * Disk work runs on {@code background}; results come back through {@code fx}.
 */
public final class ExperimentsViewModel {
    // Properties
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final AppRunsFolder home = new AppRunsFolder();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.overlayProperty()});
    private final ObservableList<Comparison.Group> comparison = FXCollections.observableArrayList();
    private final ObservableList<String> differing = FXCollections.observableArrayList();
    private final OverlayOptions overlay = new OverlayOptions();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final DoubleProperty overallProgress = new SimpleDoubleProperty(this, "overallProgress");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** Changes whenever what the charts show may have changed. */
    private final LongProperty version = new SimpleLongProperty(this, "version");

    private final RunColours colours = new RunColours();
    private final ExperimentRunner runner;
    private final Executor background;
    private final Executor fx;
    private final ComparisonJob comparer;
    private final RunActions actions;
    private Workspace workspace;
    private long lastLive;
    /** The Training tab's run: listed while it trains, pauses or is stopped with its network kept. */
    private RunRow appRow;

    public ExperimentsViewModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        this.runner = new ExperimentRunner(fx);
        this.actions = new RunActions(rows, message, runner, background, fx);
        this.comparer = new ComparisonJob(background, fx, () -> rows.stream().filter(r -> r.overlayProperty().get())
                .map(RunRow::record).filter(r -> r.state() != RunState.DAMAGED).toList(), comparison::setAll);
        // a ticked overlay changes only the charts: names and states are redone when runs come or go
        rows.addListener((javafx.collections.ListChangeListener<RunRow>) c -> {
            if (RowText.onlyTicked(c)) {
                version.set(version.get() + 1);
                comparer.request();
            } else {
                changed();
            }
        });
    }

    // Commands

    /** Reads the runs in {@code dir} (a workspace or a {@code sweep --out} folder); the first is the {@link #home}. */
    public void open(Path dir) {
        Workspace ws = new Workspace(dir);
        home.claim(ws);
        workspace = ws;
        folder.set(ws.root());
        onDisk(() -> { // scan and kept colours on the disk thread, then show() on the FX thread
            List<RunRecord> found = ws.scan();
            Map<String, Integer> kept = ws.keptColours(found);
            return (Runnable) () -> show(ws, found, kept);
        }, Runnable::run, "Could not read " + ws.root() + ": ");
    }

    private void show(Workspace ws, List<RunRecord> found, Map<String, Integer> kept) {
        if (ws != workspace) {
            return; // another folder was opened meanwhile
        }
        // kept colours first, so a new run never takes one a listed-later run keeps
        kept.forEach((id, c) -> colours.indexOf(ws.root() + "/" + id, c));
        List<RunRow> next = new ArrayList<>(rows.filtered(r -> runner.owns(r) || r.isLive() || r == appRow));
        HashSet<String> listed = new HashSet<>(next.stream().map(RunRow::id).toList());
        boolean overlayAll = found.size() <= 20;
        for (RunRecord r : found) {
            if (listed.add(r.id())) {
                Color c = colours.keep(ws, r.id(), r.dir(), kept.get(r.id()), null, background);
                RunRow row = new RunRow(r.id(), c, r, false);
                row.overlayProperty().set(overlayAll && r.state() != RunState.DAMAGED);
                next.add(row);
            }
        }
        rows.setAll(next);
        long damaged = found.stream().filter(r -> r.state() == RunState.DAMAGED).count();
        message.set(found.size() + " runs in " + ws.root() + (damaged > 0 ? " (" + damaged + " damaged)" : ""));
    }

    /** Starts an experiment in the {@link #home} folder (shown again first); its runs are listed and overlaid at once. */
    public void start(ExperimentPlan plan) {
        if (runner.isRunning()) {
            message.set("An experiment is already running: cancel it first.");
            return;
        }
        if (!workspace.root().equals(home.workspace().root())) {
            open(home.workspace().root());
        }
        List<ExperimentEngine.PlannedRun> planned;
        try {
            planned = plan.runs(workspace, LocalDateTime.now());
        } catch (IOException e) {
            message.set("Could not create the experiment's folders: " + e.getMessage());
            return;
        }
        List<RunRow> live = new ArrayList<>();
        for (ExperimentEngine.PlannedRun p : planned) {
            String id = workspace.idOf(p.dir());
            RunRecord r = new RunRecord(id, p.dir(), null, RunState.RUNNING, null, p.settings().hp(), p.settings(),
                    null, new RunCurves());
            RunRow row = new RunRow(id, colours.keep(workspace, id, p.dir(), null, p.settings(), background), r, true);
            row.overlayProperty().set(true);
            live.add(row);
        }
        rows.addAll(live);
        running.set(true);
        message.set("Training " + planned.size() + " runs, " + plan.parallel() + " at a time…");
        runner.start(planned, plan.parallel(), live, workspace, row -> changed(), failure -> {
            running.set(false);
            overallProgress.set(1);
            message.set(failure != null ? "The experiment stopped: " + failure.getMessage()
                    : "Experiment done: " + live.stream().filter(r -> r.record().result() != null).count() + " of "
                            + live.size() + " runs finished.");
            changed();
        });
    }

    /** Lists a run the Training tab trains in the app's runs folder; {@code r}'s curves fill as it goes. */
    public RunRow addLive(RunRecord r) {
        RunRow row = new RunRow(r.id(), colours.keep(home.workspace(), r.id(), r.dir(), null, r.settings(), background), r, true);
        row.started();
        row.overlayProperty().set(true);
        appRow = row;
        rows.add(row);
        return row;
    }

    /** The Training tab's run is now {@code state} ({@code reason}: why it failed, else null), as its run.json says. */
    public void liveState(RunRow row, RunState state, String reason) {
        row.setRecord(RowText.withState(row.record(), state, reason));
        RowText.refresh(row, differing);
    }

    /** A live run ended: shows it as read back from its folder. */
    public void ended(RunRow row, RunRecord r) {
        appRow = appRow == row ? null : appRow;
        row.setRecord(r);
        changed();
    }

    /** The folder shown. */
    public Workspace workspace() {
        return workspace;
    }

    public AppRunsFolder home() {
        return home;
    }

    /** Stops the experiment's runs; finished runs stay, the others are kept as stopped. */
    public void cancel() {
        runner.cancel();
        message.set("Stopping the runs…");
    }

    /** True while the row's run is queued or training: it must be stopped before it is deleted. */
    public boolean isTraining(RunRow row) {
        return actions.isTraining(row);
    }

    /** Gives a run a name (blank: back to its settings). */
    public void rename(RunRow row, String name) {
        actions.rename(workspace, row, name, this::changed);
    }

    /**
     * Deletes run folders after the view asked the user once; training runs are stopped first. A
     * folder the store refuses is kept and named in the message; the others go.
     */
    public void delete(List<RunRow> doomed) {
        actions.delete(workspace, doomed);
    }

    public void chooseBaseline(String groupKey) {
        comparer.chooseBaseline(groupKey);
    }

    /** Writes the comparison table as CSV. */
    public void exportCsv(Path file) {
        List<Comparison.Group> groups = List.copyOf(comparison);
        onDisk(() -> { ComparisonCsv.write(file, groups); return file; }, saved -> message.set("Saved the comparison to " + saved), "Could not save " + file + ": ");
    }

    /** Runs {@code work} on the disk thread; {@code done} with its result, or the message {@code failed} + why, on the FX thread. */
    private <T> void onDisk(Callable<T> work, Consumer<T> done, String failed) {
        new BackgroundWork(fx).then(BackgroundWork.supply(background, work), done,
                e -> message.set(failed + BackgroundWork.message(e)));
    }

    /** Once per FX pulse: live steps, progress and results of the training runs, a few times a second. */
    public void pulse(long now) {
        if (now - lastLive < 250_000_000L) {
            return;
        }
        lastLive = now;
        double overall = LiveProgress.refresh(rows, runner::owns, differing);
        if (overall >= 0) {
            overallProgress.set(overall);
        }
        if (!Double.isNaN(overall)) {
            version.set(version.get() + 1);
        }
    }

    /** Stops training runs and waits for them to write their state (app closing). */
    public void shutdown(long millis) throws InterruptedException {
        runner.cancel();
        runner.await(millis);
    }

    private void changed() {
        List<RunRow> all = List.copyOf(rows);
        differing.setAll(SettingsText.differing(all.stream().map(RunRow::record)
                .filter(r -> r.hp() != null).map(RunRecord::hp).toList()));
        for (RunRow row : all) {
            RowText.refresh(row, differing);
        }
        version.set(version.get() + 1);
        comparer.request();
    }

    // Read access

    public ObservableList<RunRow> rows() {
        return rows;
    }

    public ObservableList<Comparison.Group> comparison() {
        return comparison;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    public OverlayOptions overlay() {
        return overlay;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public DoubleProperty overallProgressProperty() {
        return overallProgress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public LongProperty versionProperty() {
        return version;
    }
}
