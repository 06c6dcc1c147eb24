package org.a2clab.ui.status;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.a2clab.train.StopRule;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingObserver;

/**
 * The run's counters for the status bar. "Solved" latches the first time the run meets
 * {@link StopRule#solved} (≥ 100 episodes, mean of the last 100 ≥ 475), the rule the exported
 * manifest's {@code solved} and {@code solved_at_step} use too.
 */
public final class StatusViewModel implements TrainingObserver {
    // Properties
    private final ReadOnlyLongWrapper envSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper episodes = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper trainingSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper meanReturn = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyBooleanWrapper solved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper solvedAtSteps = new ReadOnlyLongWrapper();

    @Override
    public void reset() {
        envSteps.set(0);
        episodes.set(0);
        updates.set(0);
        stepsPerSecond.set(0);
        trainingSeconds.set(0);
        meanReturn.set(Double.NaN);
        solved.set(false);
        solvedAtSteps.set(0);
    }

    /** An opened model's own counters, until its curves or new updates say more. */
    @Override
    public void onRunStart(RunStart start) {
        envSteps.set(start.envSteps());
        episodes.set(start.episodes());
        updates.set(start.updates());
        trainingSeconds.set(start.trainingSeconds());
        meanReturn.set(start.meanReturnLast100());
        solved.set(start.solvedAtStep() >= 0);
        solvedAtSteps.set(Math.max(0, start.solvedAtStep()));
    }

    @Override
    public void onUpdates(List<UpdateStats> batch) {
        UpdateStats u = batch.get(batch.size() - 1);
        envSteps.set(u.envSteps());
        episodes.set(u.episodes());
        updates.set(u.update());
        stepsPerSecond.set(u.stepsPerSecond());
        trainingSeconds.set(u.trainingSeconds());
        meanReturn.set(u.meanReturnLast100());
        if (!solved.get()) {
            for (UpdateStats s : batch) {
                if (StopRule.solved(s.episodes(), s.meanReturnLast100(), StopRule.SOLVED_RETURN)) {
                    solvedAtSteps.set(s.envSteps());
                    solved.set(true);
                    break;
                }
            }
        }
    }

    public ReadOnlyLongProperty envStepsProperty() {
        return envSteps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty episodesProperty() {
        return episodes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** Average env steps per second of training time (pauses excluded). */
    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    /** Training time, pauses excluded. */
    public ReadOnlyDoubleProperty trainingSecondsProperty() {
        return trainingSeconds.getReadOnlyProperty();
    }

    /** Mean return of the last 100 episodes; NaN before the first. */
    public ReadOnlyDoubleProperty meanReturnProperty() {
        return meanReturn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty solvedProperty() {
        return solved.getReadOnlyProperty();
    }

    /** Env steps at which the run was first solved. */
    public ReadOnlyLongProperty solvedAtStepsProperty() {
        return solvedAtSteps.getReadOnlyProperty();
    }
}
