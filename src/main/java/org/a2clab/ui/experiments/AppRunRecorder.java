package org.a2clab.ui.experiments;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.a2clab.experiment.RecordedRun;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunFolder;
import org.a2clab.experiment.RunModels;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunSettings;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.SettingsText;
import org.a2clab.experiment.Workspace;
import org.a2clab.export.BundleException;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.StopRule;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingView;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.training.CurrentRun;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingHandle;
import org.a2clab.ui.training.TrainingObserver;

/**
 * Keeps every run of the Training tab (Train, Retrain, a continued model) as a run of the
 * workspace: a new run folder at each new run, its curves live in the runs list. Its files are
 * written on {@code io}, in order: run.json at each change of state; metrics.jsonl at each Stop and
 * every {@code checkpointEvery} while it trains (less often once copying the file so far would take
 * over 2% of that time), so a killed app loses at most that much (and the run reads as cut off,
 * see {@link RecordedRun}); metrics.jsonl and result.json when the next run starts or the app
 * closes. Its final and best networks are saved as bundles in model/ and model/best, on the
 * training thread while the session still holds
 * them: at each Stop ({@link #stretchEnded}), and before the session of an ended run (replaced, or
 * current when the app closes) is stopped ({@link #beforeStop}): every run that recorded an update
 * keeps its models, however fast the next run replaces it. An observer of the training like
 * the plots, so the Training tab's code does not know about it; observer calls come on the FX
 * thread, each run's session handed over by {@link #runStarted} and {@link #runEnded}.
 */
public final class AppRunRecorder implements TrainingObserver {
    /** How long closing or replacing a session waits for its models to be saved (tests set another). */
    private volatile Duration saveWait = Duration.ofSeconds(20);
    private final ExperimentsViewModel model;
    private final Supplier<String> device;
    private final CurrentRun training;
    private final Executor io;
    private final Executor fx;
    private final long checkpointNanos;
    /** Ended runs that trained, by session, until {@link #beforeStop} saves their models. */
    private final Map<TrainingHandle, Holder> unsaved = new ConcurrentHashMap<>();
    private RunRow row;
    private Holder current;
    private long lastCheckpoint;
    /** How long the last checkpoint took on {@code io} (it copies the metrics so far). */
    private volatile long checkpointCost;
    private final List<EpisodeStats> episodes = new ArrayList<>();

    /** One run of the Training tab; only {@code io} touches {@link #run}. */
    private static final class Holder {
        final Path dir;
        final RunStart base;
        final Supplier<MetricsLog> log;
        final LongSupplier solvedAt;
        final TrainingHandle handle;
        /** Its session reported an update past where the run started (an opened model's curves are not). */
        volatile boolean trained;
        RecordedRun run;

        Holder(Path dir, TrainingHandle handle, CurrentRun training) {
            this.dir = dir;
            this.handle = handle;
            this.base = training.runStart();
            this.log = training.metricsLog();
            this.solvedAt = training.solvedAtStep();
        }
    }

    /** {@code training}: the Training tab's current run (read at each new run for its start, curves and solved step). */
    public AppRunRecorder(ExperimentsViewModel model, Supplier<String> device, CurrentRun training, Executor io,
            Executor fx, Duration checkpointEvery) {
        this.model = model;
        this.device = device;
        this.training = training;
        this.io = io;
        this.fx = fx;
        this.checkpointNanos = checkpointEvery.toNanos();
    }

    /** A new run of the Training tab: a new run folder and a live row, kept with its session. */
    @Override
    public void runStarted(TrainingHandle run) {
        Hyperparameters hp = run.hyperparameters();
        // the app's runs folder, not a sweep folder the Experiments tab may be showing
        Workspace ws = model.home().workspace();
        if (ws == null) {
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
        Holder h = new Holder(dir, run, training);
        current = h;
        lastCheckpoint = System.nanoTime();
        io.execute(() -> {
            try {
                h.run = RecordedRun.begin(dir, settings);
            } catch (IOException e) {
                report("Could not keep this training run in " + dir + ": " + e.getMessage());
            }
        });
        row = model.addLive(new RunRecord(ws.idOf(dir), dir, null, RunState.RUNNING, null, hp, settings, null,
                new RunCurves()));
    }

    @Override
    public void onUpdates(List<UpdateStats> updates) {
        if (row == null) {
            return;
        }
        updates.forEach(row.curves()::add);
        Holder h = current;
        if (updates.get(updates.size() - 1).envSteps() > h.base.envSteps()) {
            h.trained = true;
        }
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
        long now = System.nanoTime();
        // a long run's file is large: the copy never takes more than 2% of the io thread's time
        if (now - lastCheckpoint >= Math.max(checkpointNanos, 50 * checkpointCost)) {
            lastCheckpoint = now;
            checkpoint(h);
        }
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

    /** The run's solve, the one the status bar's badge shows: result.json's solved_at_* say it. */
    @Override
    public void onSolved(long envSteps, double trainingSeconds) {
        if (row == null) {
            return;
        }
        Holder h = current;
        io.execute(() -> {
            if (h.run != null) {
                h.run.solved(envSteps, trainingSeconds);
            }
        });
    }

    /**
     * The Training tab's run is now {@code next} ({@code reason}: why it failed, else null), from
     * the one property the status bar shows too: the one call that sets the run's state in the runs
     * list and in its run.json. FX thread.
     */
    public void stateChanged(RunState next, String reason) {
        if (row == null || next == null || row.record().state() == next) {
            return;
        }
        String why = next == RunState.FAILED ? reason : null;
        model.liveState(row, next, why);
        Holder h = current;
        io.execute(() -> {
            if (h.run == null) {
                return;
            }
            try {
                h.run.mark(next, why);
            } catch (IOException e) {
                report("Could not write the state of " + h.run.dir() + ": " + e.getMessage());
            }
        });
    }

    /**
     * A stretch of training ended (Stop, or a failure): the run's files so far and its models are
     * written now, while the session holds its network. FX thread.
     */
    public void stretchEnded() {
        Holder h = current;
        if (h == null) {
            return;
        }
        lastCheckpoint = System.nanoTime();
        checkpoint(h);
        if (h.trained) {
            saveModels(h);
        }
    }

    /**
     * For {@link org.a2clab.ui.training.TrainingService#beforeStoppingReplaced}: saves the models
     * of the ended run {@code old} trained, before it stops; blocks (on the control thread, or the
     * FX thread when the app closes) until saved.
     */
    public void beforeStop(TrainingHandle old) {
        Holder h = unsaved.remove(old);
        if (h != null) {
            await(saveModels(h), h);
        }
    }

    /**
     * The run of {@code run} ended (replaced, or the app closes): its files are completed and the
     * list shows it as read back; its models are saved by {@link #beforeStop} before its session stops.
     */
    @Override
    public void runEnded(TrainingHandle run) {
        if (row == null) {
            return;
        }
        RunRow ended = row;
        RunCurves curves = ended.curves();
        Holder h = current;
        String name = device.get();
        row = null;
        current = null;
        episodes.clear();
        if (h.trained) {
            // its session is stopped later, by the launcher: beforeStop saves its models then
            unsaved.put(run, h);
        }
        io.execute(() -> {
            if (h.run == null) {
                return;
            }
            try {
                h.run.end(name == null || name.isEmpty() ? "cpu" : name);
            } catch (IOException e) {
                report("Could not finish the files of " + h.run.dir() + ": " + e.getMessage());
            }
            RunRecord back = model.home().workspace().readEnded(h.run.dir(), curves);
            fx.execute(() -> model.ended(ended, back));
        });
    }

    /** Tests: as if the last checkpoint had taken {@code nanos}. */
    void assumeCheckpointCost(long nanos) {
        checkpointCost = nanos;
    }

    /** Tests: the wait for a replaced or closing session's save, instead of the app's 20 s. */
    void assumeSaveWait(Duration wait) {
        saveWait = wait;
    }

    private void checkpoint(Holder h) {
        io.execute(() -> {
            if (h.run == null) {
                return;
            }
            try {
                long start = System.nanoTime();
                h.run.checkpoint();
                checkpointCost = System.nanoTime() - start;
            } catch (IOException e) {
                report("Could not write the curves of " + h.run.dir() + " so far: " + e.getMessage());
            }
        });
    }

    /** Saves the run's final and best networks on its training thread; a failure is reported. */
    private CompletableFuture<Void> saveModels(Holder h) {
        return h.handle.submit(view -> save(view, h)).whenComplete((done, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                report("Could not save the models of " + h.dir + ": " + cause.getMessage());
            }
        });
    }

    private static Void save(TrainingView view, Holder h) {
        TrainingResult result = h.base.result(view.stats(), view.hyperparameters(), h.solvedAt.getAsLong());
        try {
            RunModels.save(h.dir.resolve(RunFolder.MODEL), view.network(), view.finalCheckpoint(), view.best(),
                    h.base.envSteps(), result, h.log.get());
            return null;
        } catch (BundleException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Waits for the save, uninterrupted: the control thread is interrupted when a quick Retrain
     * replaces the run it is starting, and a wait cut short let the session stop before its save
     * job ran, losing a model that trained. The interrupt is kept for the caller. A save slower
     * than {@link #saveWait} (a stalled disk) is given up with a message, so the app never hangs.
     */
    private void await(CompletableFuture<Void> saved, Holder h) {
        Duration wait = saveWait;
        long deadline = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    saved.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (TimeoutException e) {
                    report("Saving the models of " + h.dir + " took over " + SettingsText.number(wait.toMillis() / 1000.0)
                            + " s; the session was stopped");
                    return;
                } catch (ExecutionException | RuntimeException e) {
                    return; // reported by saveModels
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(String text) {
        fx.execute(() -> model.messageProperty().set(text));
    }
}
