package org.a2clab.ui.experiments;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.paint.Color;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;

/**
 * One line of the runs list: the run as last read from disk, what the list shows (name, state,
 * steps, result), its overlay checkbox and, while it trains, its progress and live curves.
 */
public final class RunRow {
    private final String id;
    private final Color colour;
    private final ObjectProperty<RunRecord> record = new SimpleObjectProperty<>(this, "record");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(this, "state");
    private final LongProperty steps = new SimpleLongProperty(this, "steps");
    private final StringProperty stateText = new SimpleStringProperty(this, "stateText", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final BooleanProperty overlay = new SimpleBooleanProperty(this, "overlay");
    /** Fraction of the budget done while training; −1 otherwise. */
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final boolean live;
    private volatile boolean queued;

    RunRow(String id, Color colour, RunRecord record, boolean live) {
        this.id = id;
        this.colour = colour;
        this.live = live;
        this.queued = live;
        this.record.set(record);
    }

    public String id() {
        return id;
    }

    public Color colour() {
        return colour;
    }

    /** True for a run this app is training (or has queued, or the Training tab has paused) now. */
    public boolean isLive() {
        RunState s = record.get().state();
        return live && (s == RunState.RUNNING || s == RunState.PAUSED);
    }

    boolean isQueued() {
        return queued;
    }

    void started() {
        queued = false;
    }

    public RunRecord record() {
        return record.get();
    }

    /** A record that no longer trains takes the row's progress bar with it. */
    void setRecord(RunRecord r) {
        record.set(r);
        if (r.state() != RunState.RUNNING) {
            progress.set(-1);
        }
    }

    public RunCurves curves() {
        return record.get().curves();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<RunState> stateProperty() {
        return state;
    }

    /** "queued", "running", "paused", "finished", "stopped", "failed", "damaged". */
    public StringProperty stateTextProperty() {
        return stateText;
    }

    public LongProperty stepsProperty() {
        return steps;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty overlayProperty() {
        return overlay;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    @Override
    public String toString() {
        return name.get();
    }
}
