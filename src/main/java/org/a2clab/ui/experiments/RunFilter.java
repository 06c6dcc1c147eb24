package org.a2clab.ui.experiments;

import java.util.Locale;
import java.util.function.Predicate;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.TextField;

/** The search field above the runs list: it keeps the runs whose name, settings, state or result hold the text. */
final class RunFilter {
    private RunFilter() {
    }

    static TextField field(FilteredList<RunRow> shown) {
        TextField field = new TextField();
        field.setId("runs-filter");
        field.setPromptText("Filter runs: name, settings, state…");
        field.textProperty().addListener((obs, was, text) -> shown.setPredicate(matching(text)));
        return field;
    }

    /** Null (every run) for blank text; else case-blind, on the text the list shows and the run's folder. */
    static Predicate<RunRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return r -> (r.nameProperty().get() + " " + r.stateTextProperty().get() + " " + r.resultProperty().get() + " "
                + r.id()).toLowerCase(Locale.ROOT).contains(wanted);
    }
}
