package org.a2clab.ui.status;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Worker;
import org.a2clab.experiment.RunState;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.StopRule;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;

/**
 * Device and the run's state (the word the runs list and run.json use), counters, speed, time and
 * the solved badge along the bottom of the window. No progress bar: the app trains without a budget, so it could only spin,
 * and at 1024 px it would squeeze the counters.
 */
public final class StatusBarView extends StatusBar {
    private static final PseudoClass SOLVED = PseudoClass.getPseudoClass("solved");

    /** {@code state}: the run's state as the runs list and run.json say it (null before the first run). */
    public StatusBarView(StatusViewModel model, ObservableStringValue device, ObservableValue<RunState> state,
            Worker<?> training) {
        setId("status-bar");
        // the run's state in the runs list's word ("Running", "Paused", "Stopped", "Failed"); a
        // failure's reason goes in the tooltip (a long one would squeeze the counters; the training panel explains it too)
        textProperty().bind(Bindings.createStringBinding(
                () -> (device.get().isEmpty() ? "Device: —" : device.get()) + shown(state.getValue()),
                device, state));
        Tooltip taskTip = new Tooltip();
        taskTip.textProperty().bind(Bindings.createStringBinding(() -> failure(training) == null
                ? "The device training runs on and the state of the current run"
                : "Training failed: " + failure(training), training.stateProperty()));
        setTooltip(taskTip);
        Label steps = item("steps-status", Bindings.createStringBinding(
                () -> "env steps " + count(model.envStepsProperty().get()), model.envStepsProperty()));
        Label episodes = item("episodes-status", Bindings.createStringBinding(
                () -> "episodes " + count(model.episodesProperty().get()), model.episodesProperty()));
        Label updates = item("updates-status", Bindings.createStringBinding(
                () -> "updates " + count(model.updatesProperty().get()), model.updatesProperty()));
        // a paused run has no speed: its last one would read as if it still trained
        Label speed = item("speed-status", Bindings.createStringBinding(() -> {
            RunState s = state.getValue();
            if (s == RunState.PAUSED || s == RunState.FAILED) {
                return "paused";
            }
            if (s == RunState.STOPPED) {
                return "stopped";
            }
            return String.format(Locale.ROOT, "%,.0f steps/s", model.stepsPerSecondProperty().get());
        }, model.stepsPerSecondProperty(), state));
        speed.setMinWidth(96); // "paused" ↔ "12,345 steps/s" does not shift the bar
        Label elapsed = item("elapsed-status", Bindings.createStringBinding(
                () -> "time " + clock(model.trainingSecondsProperty().get()), model.trainingSecondsProperty()));
        Tooltip.install(elapsed, new Tooltip("Training time, pauses excluded"));
        Label mean = item("mean-status", Bindings.createStringBinding(() -> {
            double m = model.meanReturnProperty().get();
            return Double.isNaN(m) ? "mean —" : String.format(Locale.ROOT, "mean %.1f", m);
        }, model.meanReturnProperty()));
        Tooltip.install(mean, new Tooltip("Mean return of the last 100 training episodes (sampled actions)"));
        Label alpha = item("alpha-status", Bindings.createStringBinding(() -> {
            double a = model.learningRateProperty().get();
            return Double.isNaN(a) ? "α —" : String.format(Locale.ROOT, "α %.2e", a);
        }, model.learningRateProperty()));
        Tooltip.install(alpha, new Tooltip("The learning rate of the latest update, after the schedule "
                + "(constant, linear decay or drop on solve)"));
        Label best = item("best-status", Bindings.createStringBinding(() -> {
            BestCheckpoint.Point b = model.bestEvaluationProperty().get();
            return b == null ? "best eval —" : String.format(Locale.ROOT, "best eval %.0f @ %s", b.meanReturn(), compact(b.envSteps()));
        }, model.bestEvaluationProperty()));
        Tooltip bestTip = new Tooltip();
        bestTip.textProperty().bind(Bindings.createStringBinding(() -> {
            double share = model.evaluationShareProperty().get();
            return String.format(Locale.ROOT, "Every %,d env steps the network plays %d greedy episodes on "
                    + "fixed-seed CartPoles; this is the best mean return so far and when it was reached "
                    + "(Export can save those weights).%s", BestCheckpoint.DEFAULT_EVERY, BestCheckpoint.DEFAULT_EPISODES,
                    Double.isNaN(share) ? "" : String.format(Locale.ROOT, "\nEvaluating took %.1f %% of training time.", 100 * share));
        }, model.evaluationShareProperty()));
        Tooltip.install(best, bestTip);
        Label solved = item("solved-status", Bindings.createStringBinding(
                () -> model.solvedProperty().get() ? "✔ SOLVED at " + count(model.solvedAtStepsProperty().get())
                        : "not solved",
                model.solvedProperty(), model.solvedAtStepsProperty()));
        Tooltip.install(solved, new Tooltip(String.format(Locale.ROOT, "Solved: at least %d episodes and the mean "
                + "return of the last %d at least %.0f, first reached at the step shown. The mean may fall later; "
                + "the exported manifest records this step and the mean at export.",
                StopRule.WINDOW, StopRule.WINDOW, StopRule.SOLVED_RETURN)));
        solved.getStyleClass().add("solved-badge");
        model.solvedProperty().addListener((obs, was, is) -> solved.pseudoClassStateChanged(SOLVED, is));
        getRightItems().addAll(steps, sep(), episodes, sep(), updates, sep(), speed, sep(), elapsed, sep(), alpha, sep(), mean, sep(), best, sep(), solved);
    }

    /** " · Paused" for a paused run: the run state's own word, capitalised. */
    private static String shown(RunState state) {
        if (state == null) {
            return "";
        }
        String word = state.label();
        return " · " + Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String failure(Worker<?> training) {
        Throwable e = training.getException();
        return training.getState() == Worker.State.FAILED && e != null ? e.getMessage() : null;
    }

    private static Label item(String id, javafx.beans.binding.StringBinding text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.textProperty().bind(text);
        // the counters keep their width; the device and message on the left give way first
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 40k, 1.25M: the status bar has room for a short step count only. */
    private static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        }
        return n >= 10_000 ? String.format(Locale.ROOT, "%.0fk", n / 1e3) : count(n);
    }

    private static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
