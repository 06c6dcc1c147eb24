package org.a2clab.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.a2clab.train.SessionState;

/**
 * The "stop when solved" toggle (off by default): on, the session pauses once the run meets the
 * solved rule, so a learner can export it before A2C's policy drifts. Applies to the running
 * session at once and to every later one. FX thread.
 */
public final class StopWhenSolved implements TrainingObserver {
    // Properties
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "stopWhenSolved", false);
    private final ReadOnlyBooleanWrapper pausedSolved = new ReadOnlyBooleanWrapper();

    public StopWhenSolved(TrainingViewModel training) {
        enabled.addListener((obs, was, on) -> training.currentRun().setStopWhenSolved(on));
        training.stateProperty().addListener((obs, old, s) -> {
            if (s != SessionState.PAUSED) {
                pausedSolved.set(false);
            }
        });
        training.addObserver(this);
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** True while the run is paused because it was solved; Resume trains on. */
    public ReadOnlyBooleanProperty pausedSolvedProperty() {
        return pausedSolved.getReadOnlyProperty();
    }

    @Override
    public void reset() {
        pausedSolved.set(false);
    }

    @Override
    public void onSolvedPause() {
        pausedSolved.set(true);
    }
}
