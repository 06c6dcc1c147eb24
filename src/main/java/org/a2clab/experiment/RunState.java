package org.a2clab.experiment;

/**
 * Where a run is: training, paused (the Training tab's Pause: it goes on at Resume), done, stopped
 * by the user or the app closing, failed, or unreadable.
 */
public enum RunState {
    RUNNING("running"), PAUSED("paused"), FINISHED("finished"), STOPPED("stopped"), FAILED("failed"), DAMAGED("damaged");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static RunState parse(String s) {
        for (RunState r : values()) {
            if (r.label.equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown state '" + s + "'");
    }
}
