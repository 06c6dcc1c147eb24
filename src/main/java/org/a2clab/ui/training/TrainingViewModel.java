package org.a2clab.ui.training;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
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
import org.a2clab.experiment.RunState;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;

/**
 * Owns the training session: Train / Pause / Resume / Stop / Retrain, the run's state, and the
 * hand-over of its results to the observers (plots, renderer, status bar) once per pulse.
 * Everything here runs on the FX thread; blocking session calls (start, stop) go through a
 * {@link RunLauncher}: the app's {@link TrainingService}, or a plain executor in view-model tests.
 */
public final class TrainingViewModel {
    // Properties
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(SessionState.NEW);
    private final ReadOnlyObjectWrapper<Hyperparameters> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper retrainPending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper runNumber = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<PrimaryAction> primaryAction = new ReadOnlyObjectWrapper<>(PrimaryAction.TRAIN);
    private final ReadOnlyBooleanWrapper modelKept = new ReadOnlyBooleanWrapper();
    private final ObjectBinding<RunState> runState = Bindings.createObjectBinding(() -> LiveRunState.of(state.get()), state);
    private final BooleanBinding canStop = Bindings.createBooleanBinding(() -> isActive(state.get()), state);
    private final BooleanBinding hasNetwork = Bindings.createBooleanBinding(
            () -> state.get() == SessionState.RUNNING || state.get() == SessionState.PAUSED
                    || state.get() == SessionState.FAILED || modelKept.get(), state, modelKept);

    private final ObservableValue<Hyperparameters> settings;
    private final SessionFactory factory;
    private final CurrentRun run;
    private final ObserverHub observers = new ObserverHub();
    private long envStepsShown;
    /** The last state the current session reported; differs from {@link #state} after Stop. */
    private SessionState sessionState = SessionState.NEW;

    /**
     * @param settings the edited hyperparameters; live fields reach a running session at once,
     *                 the others on the next Train or Retrain
     * @param launcher the app's {@link TrainingService}; {@link RunLauncher#on} in view-model tests
     */
    public TrainingViewModel(ObservableValue<Hyperparameters> settings, SessionFactory factory, RunLauncher launcher) {
        this.settings = settings;
        this.factory = factory;
        this.run = new CurrentRun(launcher, observers);
        settings.addListener((obs, old, edited) -> applyLive(edited));
        state.addListener((obs, old, s) -> {
            primaryAction.set(PrimaryAction.in(s, modelKept.get()));
            updateRetrainPending();
        });
        modelKept.addListener((obs, old, kept) -> primaryAction.set(PrimaryAction.in(state.get(), kept)));
    }

    public ReadOnlyObjectProperty<SessionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The one source of the run's state for the status bar, the runs list and run.json ({@link LiveRunState}). */
    public ObservableValue<RunState> runStateProperty() {
        return runState;
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

    /** True while a session holds a network that {@link CurrentRun#submit} jobs can use. */
    public BooleanBinding hasNetworkProperty() {
        return hasNetwork;
    }

    /** The current run's network jobs and records (an empty run before the first). */
    public CurrentRun currentRun() {
        return run;
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

    /** As above for a model with its own training behind it: plots and status bar go on from {@code start}'s. */
    public void continuePausedFrom(Supplier<ActorCritic> network, RunStart start) {
        startNewRun(start, feed -> factory.continuing(settings.getValue(), network, feed), true);
    }

    /** Train when idle, Pause when running, Resume when paused or failed, Continue after Stop. */
    public void primary() {
        switch (primaryAction.get()) {
            case PAUSE -> pause();
            case RESUME -> resume();
            case CONTINUE -> continueKept();
            default -> train();
        }
    }

    /** After Stop: trains the kept network further, in the same run; live settings edited meanwhile apply now. */
    public void continueKept() {
        if (run.session() == null || !modelKept.get()) {
            return;
        }
        failure.set(null);
        applyLive(settings.getValue());
        run.resume();
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
        if (run.session() != null) {
            run.session().pause();
        }
    }

    public void resume() {
        if (run.session() != null) {
            failure.set(null);
            run.resume();
        }
    }

    /**
     * Ends training but keeps the network: the session is held paused, so Export, Evaluate and
     * the Inspector keep working on it until a new run (Train, Retrain, Open model) replaces it.
     */
    public void stop() {
        if (run.session() != null && isActive(state.get())) {
            run.hold();
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
        run.shutdown();
    }

    /** Hands everything the session reported since the last pulse to the observers. */
    public void pulse(long nowNanos) {
        LiveFeed feed = run.feed();
        if (feed == null) {
            return;
        }
        for (LiveFeed.StateChange change : feed.states.drain()) {
            sessionState = change.state();
            if (change.state() == SessionState.STOPPED) {
                // the session's thread has ended (e.g. it could not start): nothing is kept
                modelKept.set(false);
                run.launcher().ended();
            } else if (modelKept.get()) {
                // after Stop the session only finishes its last update and holds still
                continue;
            }
            if (change.state() == SessionState.FAILED) {
                failure.set(new Failure(change.message(), state.get() == SessionState.STARTING));
                run.launcher().failed(change.message());
            }
            state.set(change.state());
        }
        String name = feed.device.getAndSet(null);
        if (name != null) {
            device.set(name);
        }
        long lastSteps = observers.deliver(feed);
        if (lastSteps >= 0) {
            envStepsShown = lastSteps;
        }
        if (state.get() == SessionState.RUNNING) {
            run.requestSnapshotIfDue(nowNanos);
        }
    }

    private void startNewRun(RunStart start, Function<LiveFeed, TrainingHandle> create, boolean paused) {
        run.replace(start, create, paused, next -> {
            runNumber.set(runNumber.get() + 1);
            modelKept.set(false);
            sessionState = SessionState.NEW;
            applied.set(next.hyperparameters());
            failure.set(null);
            device.set("");
            envStepsShown = start.envSteps();
        });
        // after the observers began the new run: its state is the new run's, never the old one's
        state.set(SessionState.STARTING);
    }

    private void applyLive(Hyperparameters edited) {
        TrainingHandle session = run.session();
        if (session != null && (isActive(state.get()) || modelKept.get())) {
            Hyperparameters running = session.hyperparameters();
            Hyperparameters next = running.withLiveFieldsOf(edited);
            if (!next.equals(running)) {
                session.setHyperparameters(next);
                applied.set(next);
                observers.liveChange(LiveChange.between(envStepsShown, running, next));
            }
        }
        updateRetrainPending();
    }

    private void updateRetrainPending() {
        Hyperparameters running = applied.get();
        retrainPending.set(running != null && (isActive(state.get()) || modelKept.get())
                && running.needsRestartFor(Objects.requireNonNull(settings.getValue())));
    }

    private static boolean isActive(SessionState s) {
        return s != SessionState.NEW && s != SessionState.STOPPED;
    }
}
