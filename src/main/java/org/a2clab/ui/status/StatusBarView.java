package org.a2clab.ui.status;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import org.a2clab.train.SessionState;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import org.a2clab.train.StopRule;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;

/** Device, counters, speed, time and the solved badge along the bottom of the window. */
public final class StatusBarView extends StatusBar {
    private static final PseudoClass SOLVED = PseudoClass.getPseudoClass("solved");

    public StatusBarView(StatusViewModel model, ObservableStringValue device, ObservableValue<SessionState> state) {
        setId("status-bar");
        textProperty().bind(Bindings.createStringBinding(
                () -> device.get().isEmpty() ? "Device: —" : "Device: " + device.get(), device));
        Label steps = item("steps-status", Bindings.createStringBinding(
                () -> "env steps " + count(model.envStepsProperty().get()), model.envStepsProperty()));
        Label episodes = item("episodes-status", Bindings.createStringBinding(
                () -> "episodes " + count(model.episodesProperty().get()), model.episodesProperty()));
        Label updates = item("updates-status", Bindings.createStringBinding(
                () -> "updates " + count(model.updatesProperty().get()), model.updatesProperty()));
        // a paused run has no speed: its last one would read as if it still trained
        Label speed = item("speed-status", Bindings.createStringBinding(() -> {
            SessionState s = state.getValue();
            if (s == SessionState.PAUSED || s == SessionState.FAILED) {
                return "paused";
            }
            if (s == SessionState.STOPPED) {
                return "stopped";
            }
            return String.format(Locale.ROOT, "%,.0f steps/s", model.stepsPerSecondProperty().get());
        }, model.stepsPerSecondProperty(), state));
        speed.setMinWidth(96); // "paused" ↔ "12,345 steps/s" does not shift the bar
        Label elapsed = item("elapsed-status", Bindings.createStringBinding(
                () -> "trained " + clock(model.trainingSecondsProperty().get()), model.trainingSecondsProperty()));
        Label mean = item("mean-status", Bindings.createStringBinding(() -> {
            double m = model.meanReturnProperty().get();
            return Double.isNaN(m) ? "mean return —" : String.format(Locale.ROOT, "mean return (last 100) %.1f", m);
        }, model.meanReturnProperty()));
        Label solved = item("solved-status", Bindings.createStringBinding(
                () -> model.solvedProperty().get() ? "✔ SOLVED at " + count(model.solvedAtStepsProperty().get()) + " steps"
                        : String.format(Locale.ROOT, "not solved (mean of last 100 ≥ %.0f)", StopRule.SOLVED_RETURN),
                model.solvedProperty(), model.solvedAtStepsProperty()));
        Tooltip.install(solved, new Tooltip(String.format(Locale.ROOT, "Solved: at least %d episodes and the mean "
                + "return of the last %d at least %.0f, first reached at the step shown. The mean may fall later; "
                + "the exported manifest records this step and the mean at export.",
                StopRule.WINDOW, StopRule.WINDOW, StopRule.SOLVED_RETURN)));
        solved.getStyleClass().add("solved-badge");
        model.solvedProperty().addListener((obs, was, is) -> solved.pseudoClassStateChanged(SOLVED, is));
        getRightItems().addAll(steps, sep(), episodes, sep(), updates, sep(), speed, sep(), elapsed, sep(), mean, sep(), solved);
    }

    private static Label item(String id, javafx.beans.binding.StringBinding text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.textProperty().bind(text);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
