package org.a2clab.ui.training;

import org.a2clab.train.SessionState;

/** What the main button does in the current state: one button reads Train, Pause, Resume or Continue. */
public enum PrimaryAction {
    TRAIN("Train"), PAUSE("Pause"), RESUME("Resume"),
    /** After Stop: train the kept network further. */
    CONTINUE("Continue");

    private final String label;

    PrimaryAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The action for a session in state {@code s}; {@code modelKept}: stopped with its network kept. */
    static PrimaryAction in(SessionState s, boolean modelKept) {
        if (s == SessionState.STOPPED && modelKept) {
            return CONTINUE;
        }
        return switch (s) {
            case STARTING, RUNNING -> PAUSE;
            case PAUSED, FAILED -> RESUME;
            default -> TRAIN;
        };
    }
}
