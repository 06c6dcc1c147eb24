package org.a2clab.ui.export;

/** What an export, open or evaluation ended with, for the view to show in a dialog. */
public record Notice(Kind kind, String title, String text) {
    public enum Kind { INFO, ERROR }

    static Notice info(String title, String text) {
        return new Notice(Kind.INFO, title, text);
    }

    static Notice error(String title, String text) {
        return new Notice(Kind.ERROR, title, text);
    }
}
