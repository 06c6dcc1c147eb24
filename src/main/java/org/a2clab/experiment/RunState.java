package org.a2clab.experiment;

/**
 * Where a run is: training, paused (the Training tab's Pause: it goes on at Resume), done, stopped
 * by the user or the app closing (its network kept while the app holds it), failed, cut off (run.json
 * says running or paused but no process holds the run open any more: the app was killed or the
 * power cut, see {@link RunLock}), or unreadable. "Cut off" is never written: it is how a reader
 * finds a run whose writer is gone.
 */
public enum RunState {
    RUNNING("running"), PAUSED("paused"), FINISHED("finished"), STOPPED("stopped"), FAILED("failed"),
    CUT_OFF("cut off"), DAMAGED("damaged");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    /** The word the runs list, the status bar and run.json use. */
    public String label() {
        return label;
    }

    /** True while a process trains the run or holds it paused: only then can a writer be gone. */
    public boolean live() {
        return this == RUNNING || this == PAUSED;
    }

    static RunState parse(String s) {
        for (RunState r : values()) {
            if (r != CUT_OFF && r.label.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown state '" + s + "'");
    }
}
