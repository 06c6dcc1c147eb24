package org.a2clab.ui.training;

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
}
