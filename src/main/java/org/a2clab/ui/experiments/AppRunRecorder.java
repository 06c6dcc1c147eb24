package org.a2clab.ui.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.a2clab.experiment.RecordedRun;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.Workspace;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.training.TrainingObserver;

/**
 * Keeps every run of the Training tab (Train, Retrain, a continued model) as a run of the
 * workspace: a new run folder at each new run, its curves live in the runs list, metrics.jsonl
 * and result.json written when the next run starts or the app closes. An observer of the
 * training like the plots, so the Training tab's code does not know about it. Files are written
 * on {@code io}, in order; observer calls come on the FX thread.
 */
public final class AppRunRecorder implements TrainingObserver {
    private final ExperimentsViewModel model;
    private final Supplier<Hyperparameters> applied;
    private final Supplier<String> device;
    private final Executor io;
    private final Executor fx;
    private RunRow row;
    private Holder current;
    private final List<EpisodeStats> episodes = new ArrayList<>();

    /** The run being written; only {@code io} touches {@link #run}. */
    private static final class Holder {
        RecordedRun run;
    }

    public AppRunRecorder(ExperimentsViewModel model, Supplier<Hyperparameters> applied, Supplier<String> device,
            Executor io, Executor fx) {
        this.model = model;
        this.applied = applied;
        this.device = device;
        this.io = io;
        this.fx = fx;
    }

    @Override
    public void reset() {
        end();
        Hyperparameters hp = applied.get();
        Workspace ws = model.workspace();
        if (hp == null || ws == null) {
            return;
        }
        // the app's own runs train until the user stops them: no budget, the usual target
        RunSettings settings = new RunSettings(hp, new StopRule(Long.MAX_VALUE, StopRule.SOLVED_RETURN), 0, 1);
        Path dir;
        try {
            // one mkdir on the FX thread reserves the folder's name before the files are written
            dir = ws.newExperimentFolder("train", LocalDateTime.now()).resolve("seed-" + hp.seed());
        } catch (IOException e) {
            report("Could not keep this training run in " + ws.root() + ": " + e.getMessage());
            return;
        }
        row = model.addLive(new RunRecord(ws.idOf(dir), dir, null, RunState.RUNNING, null, hp, settings, null,
                new RunCurves()));
        Holder h = new Holder();
        current = h;
        io.execute(() -> {
            try {
                h.run = RecordedRun.begin(dir, settings);
            } catch (IOException e) {
                report("Could not keep this training run in " + dir + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void onUpdates(List<UpdateStats> updates) {
        if (row == null) {
            return;
        }
        updates.forEach(row.curves()::add);
        Holder h = current;
        List<EpisodeStats> before = List.copyOf(episodes);
        episodes.clear();
        io.execute(() -> {
            if (h.run != null) {
                h.run.update(updates.get(0), before);
                for (int i = 1; i < updates.size(); i++) {
                    h.run.update(updates.get(i), List.of());
                }
            }
        });
    }

    @Override
    public void onEpisodes(List<EpisodeStats> list) {
        if (row != null) {
            episodes.addAll(list);
        }
    }

    @Override
    public void onEvaluation(EvaluationReport report) {
        if (row == null) {
            return;
        }
        BestCheckpoint.Point p = report.point();
        row.curves().evaluations().add(p.envSteps(), p.meanReturn());
        Holder h = current;
        io.execute(() -> {
            if (h.run != null) {
                h.run.evaluation(p);
            }
        });
    }

    /** Ends the current run: its files are completed and the list shows it as read back. */
    public void end() {
        if (row == null) {
            return;
        }
        RunRow ended = row;
        Holder h = current;
        String name = device.get();
        row = null;
        current = null;
        episodes.clear();
        io.execute(() -> {
            if (h.run == null) {
                return;
            }
            try {
                h.run.end(name == null || name.isEmpty() ? "cpu" : name);
            } catch (IOException e) {
                report("Could not finish the files of " + h.run.dir() + ": " + e.getMessage());
            }
            RunRecord back = model.workspace().read(h.run.dir());
            fx.execute(() -> model.ended(ended, back));
        });
    }

    private void report(String text) {
        fx.execute(() -> model.messageProperty().set(text));
    }
}
