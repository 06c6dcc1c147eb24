package org.a2clab.ui.training;

import org.a2clab.experiment.RunState;
import org.a2clab.train.SessionState;

/**
 * The Training tab's run state in the words of a run folder, the one mapping the status bar, the
 * runs list and run.json all show: starting counts as running (the folder says running from the
 * start); null before the first run. A live run is never finished or cut off: those are read
 * from a run's folder once nothing trains it.
 */
final class LiveRunState {
    private LiveRunState() {
    }

    static RunState of(SessionState s) {
        switch (s) {
            case STARTING:
            case RUNNING:
                return RunState.RUNNING;
            case PAUSED:
                return RunState.PAUSED;
            case FAILED:
                return RunState.FAILED;
            case STOPPED:
                return RunState.STOPPED;
            default:
                return null;
        }
    }
}
