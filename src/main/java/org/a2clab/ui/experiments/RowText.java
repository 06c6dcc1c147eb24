package org.a2clab.ui.experiments;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunResult;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.SettingsText;

/** What the runs list says about a run: its name, state, steps and result. */
final class RowText {
    /** A folder the app names: its start time "yyyy-MM-ddTHH-mm-ss label", " (2)" when that second was taken. */
    private static final Pattern STARTED = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T(\\d{2})-(\\d{2})-(\\d{2}) [^/]*?( \\(\\d+\\))?(/.*)?");

    private RowText() {
    }

    /**
     * The given name, else what differs from the defaults plus the settings that differ between
     * runs and the seed ("α 1e-3 · 8 workers · seed 3", "defaults · seed 3", see
     * {@link SettingsText#name}), then the time the app started it ("· 14:02:07", "· 14:02:07 (2)" for the next
     * run started in that second), so two runs of the same settings never read alike.
     */
    static String name(RunRecord r, List<String> differing) {
        if (r.name() != null) {
            return r.name();
        }
        if (r.hp() == null) {
            return r.id();
        }
        return SettingsText.name(r.hp(), differing) + started(r.id());
    }

    /** " · 14:02:07 (2)" for a run folder the app named, else "" (e.g. a sweep's "lr=0.001/seed-1"). */
    static String started(String id) {
        Matcher m = STARTED.matcher(id);
        if (!m.matches()) {
            return "";
        }
        return " · " + m.group(1) + ":" + m.group(2) + ":" + m.group(3) + (m.group(4) == null ? "" : m.group(4));
    }

    /** True when only overlay ticks changed: the names and states stay as they are. */
    static boolean onlyTicked(javafx.collections.ListChangeListener.Change<? extends RunRow> c) {
        while (c.next()) {
            if (!c.wasUpdated()) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code action} once the row's run is no longer running (e.g. stopped before a delete). */
    static void whenEnded(RunRow row, Runnable action) {
        row.stateProperty().addListener(new javafx.beans.value.ChangeListener<RunState>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RunState> o, RunState a, RunState b) {
                if (b != RunState.RUNNING) {
                    row.stateProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }

    static RunRecord withState(RunRecord r, RunState state, String problem) {
        return new RunRecord(r.id(), r.dir(), r.name(), state, problem, r.hp(), r.settings(), r.result(), r.curves());
    }

    /** Writes name, state, steps and result into the row. */
    static void refresh(RunRow row, List<String> differing) {
        RunRecord r = row.record();
        row.nameProperty().set(name(r, differing));
        // as read from the folder (a run whose writer is gone reads as cut off), or as the Training tab set it
        RunState state = r.state();
        row.stateProperty().set(state);
        row.stateTextProperty().set(row.isQueued() ? "queued" : state.label());
        RunResult res = r.result();
        // the steps it trained; the result says when it was solved
        long steps = res != null ? res.envSteps() : r.curves().envSteps();
        row.stepsProperty().set(steps);
        row.resultProperty().set(result(r, state));
    }

    static String result(RunRecord r, RunState state) {
        switch (state) {
            case DAMAGED:
                return "damaged: " + r.problem();
            case FAILED:
                return "failed: " + r.problem();
            default:
                break;
        }
        RunResult res = r.result();
        if (res != null) {
            String base = res.solved() ? "solved at " + String.format(Locale.ROOT, "%,d", res.solvedAtSteps()) + " steps"
                    : "not solved";
            return base + String.format(Locale.ROOT, " · mean-100 %.1f", res.finalMeanReturn());
        }
        double last = r.curves().curve(org.a2clab.experiment.Metric.MEAN_RETURN_100).last();
        String mean = Double.isNaN(last) ? "no episode yet" : String.format(Locale.ROOT, "mean-100 %.1f", last);
        return state == RunState.STOPPED || state == RunState.CUT_OFF ? state.label() + " · " + mean : mean;
    }

    /** The env-step budget, when known (runs the app started), else 0. */
    static long budget(RunRecord r) {
        return r.settings() == null ? 0 : r.settings().rule().maxSteps();
    }
}
