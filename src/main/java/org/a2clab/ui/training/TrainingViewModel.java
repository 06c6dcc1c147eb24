package org.a2clab.ui.training;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.A2c;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.SessionState;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/**
 * Owns the training session: Train / Pause / Resume / Stop / Retrain, the run's state, and the
 * hand-over of its results to the observers (plots, renderer, status bar) once per pulse.
 * Everything here runs on the FX thread; blocking session calls (start, stop) go through the
 * {@code control} executor, a single thread in the app and the calling thread in tests.
 */
public final class TrainingViewModel {
    private static final long SNAPSHOT_INTERVAL_NANOS = 250_000_000L;

    // Properties
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(SessionState.NEW);
    private final ReadOnlyObjectWrapper<Hyperparameters> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper retrainPending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper runNumber = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<PrimaryAction> primaryAction = new ReadOnlyObjectWrapper<>(PrimaryAction.TRAIN);
    private final ReadOnlyBooleanWrapper modelKept = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canStop = Bindings.createBooleanBinding(
            () -> isActive(state.get()), state);
    private final BooleanBinding hasNetwork = Bindings.createBooleanBinding(
            () -> state.get() == SessionState.RUNNING || state.get() == SessionState.PAUSED
                    || state.get() == SessionState.FAILED || modelKept.get(), state, modelKept);

    private final ObservableValue<Hyperparameters> settings;
    private final SessionFactory factory;
    private final Executor control;
    private final List<TrainingObserver> observers = new CopyOnWriteArrayList<>();
    private TrainingHandle session;
    private LiveFeed feed;
    private long lastSnapshotRequest;
    private long envStepsShown;
    /** The last state the current session reported; differs from {@link #state} after Stop. */
    private SessionState sessionState = SessionState.NEW;

    /**
     * @param settings the edited hyperparameters; live fields reach a running session at once,
     *                 the others on the next Train or Retrain
     */
    public TrainingViewModel(ObservableValue<Hyperparameters> settings, SessionFactory factory, Executor control) {
        this.settings = settings;
        this.factory = factory;
        this.control = control;
        settings.addListener((obs, old, edited) -> applyLive(edited));
        state.addListener((obs, old, s) -> {
            primaryAction.set(primaryFor(s));
            updateRetrainPending();
        });
        modelKept.addListener((obs, old, kept) -> primaryAction.set(primaryFor(state.get())));
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The running session's hyperparameters; null before the first run. */
    public ReadOnlyObjectProperty<Hyperparameters> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** True while edited settings differ from the session's in a field that needs a retrain. */
    public ReadOnlyBooleanProperty retrainPendingProperty() {
        return retrainPending.getReadOnlyProperty();
    }

    /** The last failure (e.g. diverged, no GPU); null after Resume or a new run. */
    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** Env steps of the current run as last handed to the observers; 0 before its first update. */
    public long envStepsShown() {
        return envStepsShown;
    }

    /** Counts sessions started; a live change keeps it, a retrain increments it. */
    public ReadOnlyIntegerProperty runNumberProperty() {
        return runNumber.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PrimaryAction> primaryActionProperty() {
        return primaryAction.getReadOnlyProperty();
    }

    /**
     * True after Stop: training has ended but the network, its plots and statistics stay for
     * export, evaluation and the Inspector until a new run starts ({@link PrimaryAction#CONTINUE}
     * trains the same network further; Train or Retrain start a fresh one).
     */
    public ReadOnlyBooleanProperty modelKeptProperty() {
        return modelKept.getReadOnlyProperty();
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** True while a session holds a network that {@link #submit} jobs can use. */
    public BooleanBinding hasNetworkProperty() {
        return hasNetwork;
    }

    public void addObserver(TrainingObserver observer) {
        observers.add(observer);
    }

    // Commands

    /**
     * Continues training {@code network} (e.g. an opened model) with the current settings, as a new
     * run: the old session stops and the plots clear. The settings must match the network (hidden size).
     */
    public void continueFrom(Supplier<ActorCritic> network) {
        startNewRun(RunStart.ZERO, feed -> factory.continuing(settings.getValue(), network, feed), false);
    }

    /**
     * As {@link #continueFrom} but the new run starts paused (e.g. an opened model: watch, inspect
     * or evaluate it first; Resume trains it further). Paused before it starts, so no update runs.
     */
    public void continuePausedFrom(Supplier<ActorCritic> network) {
        continuePausedFrom(network, RunStart.ZERO);
    }

    /**
     * As {@link #continuePausedFrom(Supplier)} for an opened model with its own training behind
     * it: the plots and the status bar show {@code start}'s curves and counters at once, and
     * training goes on counting from them.
     */
    public void continuePausedFrom(Supplier<ActorCritic> network, RunStart start) {
        startNewRun(start, feed -> factory.continuing(settings.getValue(), network, feed), true);
    }

    /** Where the current run started (an opened model's counters, or zero). */
    public RunStart runStart() {
        return feed == null ? RunStart.ZERO : feed.start;
    }

    /**
     * The current run's updates and finished episodes (every one, until a long run thins them),
     * recorded on the training thread. Call the supplier in a {@link #submit} job (e.g. Export…):
     * its copy is then consistent with the network.
     */
    public Supplier<MetricsLog> metricsLog() {
        if (feed == null) {
            return MetricsLog::new;
        }
        RunLog log = feed.metrics;
        return log::toMetricsLog;
    }

    /**
     * When the current run first met the solved rule ({@link org.a2clab.train.StopRule#solved}),
     * in env steps; −1 while it never has. Like {@link #metricsLog}, read it in a {@link #submit} job.
     */
    public LongSupplier solvedAtStep() {
        if (feed == null) {
            return () -> -1;
        }
        RunLog log = feed.metrics;
        return log::solvedAtStep;
    }

    /**
     * Runs {@code job} on the training thread of the current session (e.g. Export…); fails if
     * there is none or it has stopped.
     */
    public <T> CompletableFuture<T> submit(Function<A2c, T> job) {
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no training session"));
        }
        return session.submit(job);
    }

    /** Train when idle, Pause when running, Resume when paused or failed, Continue after Stop. */
    public void primary() {
        switch (primaryAction.get()) {
            case PAUSE:
                pause();
                break;
            case RESUME:
                resume();
                break;
            case CONTINUE:
                continueKept();
                break;
            default:
                train();
        }
    }

    /**
     * After Stop: trains the kept network further, in the same run (plots and counters go on).
     * Live settings edited while stopped apply now.
     */
    public void continueKept() {
        if (session == null || !modelKept.get()) {
            return;
        }
        failure.set(null);
        applyLive(settings.getValue());
        session.resume();
        // state first: the network stays available throughout
        state.set(sessionState == SessionState.STARTING ? SessionState.STARTING : SessionState.RUNNING);
        modelKept.set(false);
    }

    /** Starts a fresh run with the current settings; does nothing while one is active. */
    public void train() {
        if (!isActive(state.get())) {
            startNewRun(RunStart.ZERO, feed -> factory.create(settings.getValue(), feed), false);
        }
    }

    public void pause() {
        if (session != null) {
            session.pause();
        }
    }

    public void resume() {
        if (session != null) {
            failure.set(null);
            session.resume();
        }
    }

    /**
     * Ends training but keeps the network: the session is held paused, so Export, Evaluate and
     * the Inspector keep working on it until a new run (Train, Retrain, Open model) replaces it.
     */
    public void stop() {
        if (session != null && isActive(state.get())) {
            session.pause();
            modelKept.set(true);
            state.set(SessionState.STOPPED);
        }
    }

    /** Stops the current run (if any), clears every plot and trains a fresh network. */
    public void retrain() {
        startNewRun(RunStart.ZERO, feed -> factory.create(settings.getValue(), feed), false);
    }

    /** Stops training and waits for the session to end (app shutdown). */
    public void shutdown() {
        if (session != null) {
            session.stop();
        }
    }

    /** Hands everything the session reported since the last pulse to the observers. */
    public void pulse(long nowNanos) {
        if (feed == null) {
            return;
        }
        for (LiveFeed.StateChange change : feed.states.drain()) {
            sessionState = change.state();
            if (change.state() == SessionState.STOPPED) {
                // the session's thread has ended (e.g. it could not start): nothing is kept
                modelKept.set(false);
            } else if (modelKept.get()) {
                // after Stop the session only finishes its last update and holds still
                continue;
            }
            if (change.state() == SessionState.FAILED) {
                failure.set(new Failure(change.message(), state.get() == SessionState.STARTING));
            }
            state.set(change.state());
        }
        String name = feed.device.getAndSet(null);
        if (name != null) {
            device.set(name);
        }
        List<UpdateStats> updates = feed.updates.drain();
        if (!updates.isEmpty()) {
            envStepsShown = updates.get(updates.size() - 1).envSteps();
        }
        List<EpisodeStats> episodes = feed.episodes.drain();
        List<WorkerFrame> frames = feed.frames.drain();
        RolloutSnapshot snapshot = feed.snapshot.getAndSet(null);
        for (TrainingObserver o : observers) {
            if (!updates.isEmpty()) {
                o.onUpdates(updates);
            }
            if (!episodes.isEmpty()) {
                o.onEpisodes(episodes);
            }
            if (!frames.isEmpty()) {
                o.onFrames(frames);
            }
            if (snapshot != null) {
                o.onSnapshot(snapshot);
            }
        }
        // Rollout copies are for the advantage histogram: a few per second are plenty.
        if (state.get() == SessionState.RUNNING && nowNanos - lastSnapshotRequest >= SNAPSHOT_INTERVAL_NANOS) {
            lastSnapshotRequest = nowNanos;
            session.requestSnapshot();
        }
    }

    private void startNewRun(RunStart start, Function<LiveFeed, TrainingHandle> create, boolean paused) {
        TrainingHandle old = session;
        feed = new LiveFeed(start);
        LiveFeed newFeed = feed;
        session = create.apply(newFeed);
        TrainingHandle next = session;
        if (paused) {
            next.pause();
        }
        runNumber.set(runNumber.get() + 1);
        modelKept.set(false);
        sessionState = SessionState.NEW;
        applied.set(next.hyperparameters());
        failure.set(null);
        device.set("");
        state.set(SessionState.STARTING);
        envStepsShown = start.envSteps();
        observers.forEach(TrainingObserver::reset);
        // an opened model's own curves, shown before (and under) what training adds
        for (TrainingObserver o : observers) {
            if (start != RunStart.ZERO) {
                o.onRunStart(start);
            }
            if (!start.updateHistory().isEmpty()) {
                o.onUpdates(start.updateHistory());
            }
            if (!start.episodeHistory().isEmpty()) {
                o.onEpisodes(start.episodeHistory());
            }
        }
        next.deviceName().thenAccept(newFeed.device::set);
        // Stop before start, in order on one thread: two sessions must never update at once
        // (libtorch allows one gradient collector per JVM).
        control.execute(() -> {
            if (old != null) {
                old.stop();
            }
            next.start();
        });
    }

    private void applyLive(Hyperparameters edited) {
        if (session != null && (isActive(state.get()) || modelKept.get())) {
            Hyperparameters running = session.hyperparameters();
            Hyperparameters next = running.withLiveFieldsOf(edited);
            if (!next.equals(running)) {
                session.setHyperparameters(next);
                applied.set(next);
                LiveChange change = new LiveChange(envStepsShown, describeLive(running, next));
                observers.forEach(o -> o.onLiveChange(change));
            }
        }
        updateRetrainPending();
    }

    /** "α 3.0e-03 → 1.0e-04, β 0.0000 → 0.0100": the live fields that differ. */
    static String describeLive(Hyperparameters from, Hyperparameters to) {
        List<String> parts = new java.util.ArrayList<>();
        if (from.learningRate() != to.learningRate()) {
            parts.add(String.format(java.util.Locale.ROOT, "α %.1e → %.1e", from.learningRate(), to.learningRate()));
        }
        if (from.entropyCoef() != to.entropyCoef()) {
            parts.add(String.format(java.util.Locale.ROOT, "β %.4f → %.4f", from.entropyCoef(), to.entropyCoef()));
        }
        if (from.gamma() != to.gamma()) {
            parts.add(String.format(java.util.Locale.ROOT, "γ %.4f → %.4f", from.gamma(), to.gamma()));
        }
        if (from.valueCoef() != to.valueCoef()) {
            parts.add(String.format(java.util.Locale.ROOT, "c %.3f → %.3f", from.valueCoef(), to.valueCoef()));
        }
        if (from.maxGradNorm() != to.maxGradNorm()) {
            parts.add(String.format(java.util.Locale.ROOT, "max ‖∇‖ %.2f → %.2f", from.maxGradNorm(), to.maxGradNorm()));
        }
        return String.join(", ", parts);
    }

    private void updateRetrainPending() {
        Hyperparameters running = applied.get();
        retrainPending.set(running != null && (isActive(state.get()) || modelKept.get())
                && running.needsRestartFor(Objects.requireNonNull(settings.getValue())));
    }

    private static boolean isActive(SessionState s) {
        return s != SessionState.NEW && s != SessionState.STOPPED;
    }

    private PrimaryAction primaryFor(SessionState s) {
        if (s == SessionState.STOPPED && modelKept.get()) {
            return PrimaryAction.CONTINUE;
        }
        switch (s) {
            case STARTING:
            case RUNNING:
                return PrimaryAction.PAUSE;
            case PAUSED:
            case FAILED:
                return PrimaryAction.RESUME;
            default:
                return PrimaryAction.TRAIN;
        }
    }
}
