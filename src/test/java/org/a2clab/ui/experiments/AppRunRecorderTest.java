package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.agent.ActorCritic;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunFolder;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.Workspace;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingListener;
import org.a2clab.train.TrainingStats;
import org.a2clab.train.TrainingView;
import org.a2clab.ui.status.StatusViewModel;
import org.a2clab.ui.training.RunLauncher;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.Samples;
import org.a2clab.ui.training.SessionFactory;
import org.a2clab.ui.training.TrainingHandle;
import org.a2clab.ui.training.TrainingViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Training tab's run files without a session or the FX thread: written at each checkpoint
 * (every interval while training, and at Stop), so a killed app loses at most one interval.
 */
class AppRunRecorderTest {
    private static final Executor INLINE = Runnable::run;
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withSeed(4);

    @TempDir
    Path tmp;

    /** The runs list on the test's folder, the Training tab, and the recorder that writes its runs there. */
    private record Tab(ExperimentsViewModel vm, TrainingViewModel training, AppRunRecorder rec) {
        /** The first run, on session "s1", starts (told to the recorder alone). */
        FakeRun startFirst() {
            FakeRun first = new FakeRun("s1", new ArrayList<>());
            rec.runStarted(first);
            return first;
        }

        /** The recorder and a status bar observe the Training tab, in the app's order. */
        StatusViewModel observedWithStatus() {
            StatusViewModel status = new StatusViewModel();
            training.addObserver(rec);
            training.addObserver(status);
            return status;
        }
    }

    /** The Training tab makes its sessions with the factory (null: none) and launches them on control. */
    private Tab tab(SessionFactory sessions, Executor control, Duration checkpointEvery) {
        ExperimentsViewModel vm = new ExperimentsViewModel(INLINE, INLINE);
        vm.open(tmp);
        TrainingViewModel training = new TrainingViewModel(new SimpleObjectProperty<>(HP), sessions,
                RunLauncher.on(control));
        return new Tab(vm, training,
                new AppRunRecorder(vm, () -> "cpu", training.currentRun(), INLINE, INLINE, checkpointEvery));
    }

    /** What the next start of the app would find of the run (the app "killed" now). */
    private RunRecord onDisk(ExperimentsViewModel vm) {
        return new Workspace(tmp).read(vm.rows().get(0).record().dir());
    }

    @Test
    void whileTrainingTheCurvesSoFarAreWrittenEveryIntervalAndTheRunStillReadsAsRunning() throws IOException {
        Tab tab = tab(null, INLINE, Duration.ZERO);
        tab.startFirst();
        tab.rec().onEpisodes(List.of(Samples.episode(1, 40, 22)));
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22), Samples.update(2, 160, 22)));
        Path metrics = tab.vm().rows().get(0).record().dir().resolve(RunFolder.METRICS);
        assertEquals(3, Files.readAllLines(metrics).size(), "an episode and two updates");
        sleep(1000); // past 50 × the cost of that small checkpoint
        tab.rec().onUpdates(List.of(Samples.update(3, 240, 30)));
        assertEquals(4, Files.readAllLines(metrics).size());
        RunRecord now = onDisk(tab.vm());
        assertEquals(RunState.RUNNING, now.state(), "a checkpoint never says stopped while the run trains on");
        assertEquals("running", tab.vm().rows().get(0).stateTextProperty().get());
        assertEquals(240, now.curves().envSteps());
    }

    @Test
    void aCheckpointThatIsSlowToCopyIsRepeatedAtMostEvery50TimesItsCost() throws IOException {
        Tab tab = tab(null, INLINE, Duration.ofMillis(10));
        tab.startFirst();
        sleep(50);
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22)));
        Path metrics = tab.vm().rows().get(0).record().dir().resolve(RunFolder.METRICS);
        assertEquals(1, Files.readAllLines(metrics).size(), "the interval passed");
        tab.rec().assumeCheckpointCost(Duration.ofSeconds(1).toNanos());
        sleep(50);
        tab.rec().onUpdates(List.of(Samples.update(2, 160, 22)));
        assertEquals(1, Files.readAllLines(metrics).size(), "a 1 s copy waits 50 s, not the 10 ms interval");
        tab.rec().stretchEnded();
        assertEquals(2, Files.readAllLines(metrics).size(), "Stop writes at once");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void beforeTheIntervalNothingIsWrittenButStopWritesAtOnce() throws IOException {
        Tab tab = tab(null, INLINE, Duration.ofHours(1));
        TrainingHandle first = tab.startFirst();
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22)));
        Path metrics = tab.vm().rows().get(0).record().dir().resolve(RunFolder.METRICS);
        assertFalse(Files.exists(metrics), "not yet due");
        assertEquals(RunState.RUNNING, onDisk(tab.vm()).state());

        tab.rec().stretchEnded();
        assertEquals(1, Files.readAllLines(metrics).size());
        assertEquals(RunState.RUNNING, onDisk(tab.vm()).state(),
                "the state is the Training tab's, not the checkpoint's");

        // training on, then the next run: the run ends as finished with all its updates
        tab.rec().onUpdates(List.of(Samples.update(2, 160, 25)));
        tab.rec().runEnded(first);
        tab.rec().runStarted(new FakeRun("s2", new ArrayList<>()));
        RunRecord done = new Workspace(tmp).read(metrics.getParent());
        assertEquals(RunState.FINISHED, done.state());
        assertEquals(160, done.curves().envSteps());
        assertTrue(Files.exists(metrics.getParent().resolve(RunFolder.RESULT)));
    }

    /**
     * Issue 21: a run's end keeps the curves the app recorded while it trained, in memory, instead
     * of reading its whole metrics.jsonl back (seconds for a run of hours); a re-read would make
     * new curves.
     */
    @Test
    void aRunThatEndsKeepsTheCurvesItRecordedInsteadOfReadingItsMetricsFileBack() {
        Tab tab = tab(null, INLINE, Duration.ofHours(1));
        TrainingHandle first = tab.startFirst();
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22), Samples.update(2, 160, 25)));
        RunRow row = tab.vm().rows().get(0);
        RunCurves live = row.curves();

        tab.rec().runEnded(first); // the next run: this one ends
        tab.rec().runStarted(new FakeRun("s2", new ArrayList<>()));
        assertEquals(RunState.FINISHED, row.record().state(), "read back: result.json and run.json");
        assertEquals(160, row.record().result().envSteps());
        assertSame(live, row.curves(), "the recorded curves, not metrics.jsonl read again");
        assertEquals(2, live.curve(Metric.MEAN_RETURN_100).size());
    }

    @Test
    void pauseResumeAndStopSetTheListsStateAndRunJsonFromTheOneCall() {
        Tab tab = tab(null, INLINE, Duration.ofHours(1));
        tab.startFirst();
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22)));
        RunRow row = tab.vm().rows().get(0);
        assertEquals("running", row.stateTextProperty().get());

        tab.rec().stateChanged(RunState.PAUSED, null);
        assertEquals("paused", row.stateTextProperty().get());
        assertEquals(RunState.PAUSED, onDisk(tab.vm()).state());
        assertTrue(row.isLive(), "a paused run stays the Training tab's");

        tab.rec().stateChanged(RunState.RUNNING, null);
        assertEquals("running", row.stateTextProperty().get());
        assertEquals(RunState.RUNNING, onDisk(tab.vm()).state());

        tab.rec().stateChanged(RunState.FAILED, "diverged: the loss is NaN");
        assertEquals("failed", row.stateTextProperty().get());
        assertEquals("failed: diverged: the loss is NaN", row.resultProperty().get());
        assertEquals(RunState.FAILED, onDisk(tab.vm()).state());
        assertEquals("diverged: the loss is NaN", onDisk(tab.vm()).problem());

        tab.rec().stateChanged(RunState.STOPPED, null);
        tab.rec().stretchEnded();
        assertEquals("stopped", row.stateTextProperty().get());
        assertEquals(RunState.STOPPED, onDisk(tab.vm()).state());
        assertEquals(-1, row.progressProperty().get());

        // reopening the folder keeps the stopped run's row: Continue may train it on
        tab.vm().open(tmp);
        assertEquals(List.of(row), tab.vm().rows());
    }

    /**
     * Review of main: a run that failed (e.g. diverged) and then ended (Retrain, or the app
     * closed) was written "finished" with its reason gone; it stays failed, with the reason, in
     * run.json and in the list, and keeps the result of what it trained.
     */
    @Test
    void aRunThatEndsFailedStaysFailedWithItsReason() {
        Tab tab = tab(null, INLINE, Duration.ofHours(1));
        TrainingHandle first = tab.startFirst();
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22)));
        RunRow row = tab.vm().rows().get(0);
        tab.rec().stateChanged(RunState.FAILED, "diverged: the loss is NaN");

        tab.rec().runEnded(first); // Retrain, or the app closes
        RunRecord ended = onDisk(tab.vm());
        assertEquals(RunState.FAILED, ended.state());
        assertEquals("diverged: the loss is NaN", ended.problem());
        assertEquals(80, ended.result().envSteps(), "what it trained is kept");
        assertEquals(RunState.FAILED, row.record().state());
        assertEquals("failed: diverged: the loss is NaN", row.resultProperty().get());
    }

    @Test
    void aRunResumedAfterAFailureEndsFinished() {
        Tab tab = tab(null, INLINE, Duration.ofHours(1));
        TrainingHandle first = tab.startFirst();
        tab.rec().onUpdates(List.of(Samples.update(1, 80, 22)));
        tab.rec().stateChanged(RunState.FAILED, "diverged: the loss is NaN");
        tab.rec().stateChanged(RunState.RUNNING, null); // Resume with a lower learning rate
        tab.rec().onUpdates(List.of(Samples.update(2, 160, 22)));
        tab.rec().runEnded(first);
        RunRecord ended = onDisk(tab.vm());
        assertEquals(RunState.FINISHED, ended.state());
        assertEquals(null, ended.problem());
    }

    /**
     * Review of main: "solved" was worked out again from the shifted statistics, whose episodes
     * include an opened model's while the mean-100 is the new session's alone: continuing an
     * unsolved model of 150 episodes made the run solved (badge, result.json, the next export)
     * after one new episode of 500. The session's own solve is the one event now.
     */
    @Test
    void aContinuedUnsolvedModelIsNotSolvedByOneLongNewEpisode() {
        List<FakeRun> sessions = new ArrayList<>();
        Tab tab = tab(factory(sessions, new ArrayList<>()), INLINE, Duration.ofHours(1));
        StatusViewModel status = tab.observedWithStatus();
        FakeRun session = continuedUnsolvedModel(tab, sessions);
        // the session's first episode lasts 500 steps: its own mean over 1 episode is 500
        session.listener.onUpdate(Samples.update(1, 500, 1, 500), List.of(Samples.episode(0, 500, 500)),
                List.of(), null);
        tab.training().pulse(1);

        assertFalse(status.solvedProperty().get(), "151 episodes, of which only 1 is in the mean");
        assertEquals(-1, tab.training().currentRun().solvedAtStep().getAsLong(), "the next export's solved step");
        Path dir = tab.vm().rows().get(0).record().dir();
        tab.training().shutdown();
        assertFalse(new Workspace(tmp).read(dir).result().solved(), "result.json");
    }

    /**
     * The session's solve, counted on from the opened model's steps and time as its other figures
     * are, is the one the badge, the next export and result.json say; an opened model that was
     * solved already keeps its own solve (its time unknown: manifests keep none).
     */
    @Test
    void theSessionsSolveIsTheBadgeTheExportAndResultJsonCountedOnFromTheOpenedModel() {
        List<FakeRun> sessions = new ArrayList<>();
        Tab tab = tab(factory(sessions, new ArrayList<>()), INLINE, Duration.ofHours(1));
        StatusViewModel status = tab.observedWithStatus();
        FakeRun session = continuedUnsolvedModel(tab, sessions);
        session.listener.onUpdate(Samples.update(50, 6_000, 120, 480), List.of(), List.of(), null);
        session.listener.onSolved(6_000, 0.5);
        tab.training().pulse(1);

        assertTrue(status.solvedProperty().get());
        assertEquals(26_000, status.solvedAtStepsProperty().get());
        assertEquals(26_000, tab.training().currentRun().solvedAtStep().getAsLong(), "the next export's solved step");
        Path first = tab.vm().rows().get(0).record().dir();

        // a model solved before: its own solve stays, a later one of the session does not move it
        tab.training().continuePausedFrom(() -> null, new RunStart(100, 20_000, 150, 4.0, 15_000, 480,
                List.of(Samples.update(100, 20_000, 150, 480)), List.of()));
        assertTrue(status.solvedProperty().get(), "from the opened model's manifest");
        assertEquals(15_000, status.solvedAtStepsProperty().get());
        FakeRun second = sessions.get(1);
        second.listener.onUpdate(Samples.update(50, 6_000, 120, 480), List.of(), List.of(), null);
        second.listener.onSolved(6_000, 0.5);
        tab.training().pulse(2);
        assertEquals(15_000, status.solvedAtStepsProperty().get());
        assertEquals(15_000, tab.training().currentRun().solvedAtStep().getAsLong());
        Path secondDir = tab.vm().rows().get(1).record().dir();
        tab.training().shutdown();

        RunRecord ended = new Workspace(tmp).read(first);
        assertTrue(ended.result().solved());
        assertEquals(26_000, ended.result().solvedAtSteps());
        assertEquals(4.5, ended.result().solvedAtSeconds(), 1e-9, "4 s of the opened model's, 0.5 s of the session's");
        RunRecord solvedBefore = new Workspace(tmp).read(secondDir);
        assertEquals(15_000, solvedBefore.result().solvedAtSteps());
        assertTrue(Double.isNaN(solvedBefore.result().solvedAtSeconds()));
    }

    /**
     * The Training tab continues, paused, an opened unsolved model (150 episodes, a mean of 30, its
     * curve); returns the session that made.
     */
    private static FakeRun continuedUnsolvedModel(Tab tab, List<FakeRun> sessions) {
        tab.training().continuePausedFrom(() -> null, new RunStart(100, 20_000, 150, 4.0, -1, 30,
                List.of(Samples.update(100, 20_000, 150, 30)), List.of()));
        return sessions.get(sessions.size() - 1);
    }

    private static SessionFactory factory(List<FakeRun> sessions, List<String> log) {
        return factory(sessions, log, FakeRun::new);
    }

    /** Makes a test's session: its name, the shared log, the listener it reports to. */
    private interface Sessions {
        FakeRun make(String name, List<String> log, TrainingListener listener);
    }

    private static SessionFactory factory(List<FakeRun> sessions, List<String> log, Sessions kind) {
        return new SessionFactory() {
            @Override
            public TrainingHandle create(Hyperparameters hp, TrainingListener listener) {
                FakeRun s = kind.make("s" + (sessions.size() + 1), log, listener);
                sessions.add(s);
                return s;
            }

            @Override
            public TrainingHandle continuing(Hyperparameters hp, Supplier<ActorCritic> network, TrainingListener listener) {
                return create(hp, listener);
            }
        };
    }

    /**
     * Issue 21 (≈ 70 quick Retrains left runs that had trained without a model): the control
     * thread waits for the replaced run's save before it stops the session, and a second Retrain
     * interrupts that thread. The wait now goes on through the interrupt (kept for the caller);
     * before, it returned at once and the session stopped with the save job still queued.
     */
    @Test
    void theSaveOfAReplacedRunIsWaitedForThroughTheInterruptOfTheNextRetrain() throws Exception {
        AppRunRecorder rec = tab(null, INLINE, Duration.ofHours(1)).rec();
        CompletableFuture<Object> saved = new CompletableFuture<>();
        List<String> log = new CopyOnWriteArrayList<>();
        TrainingHandle session = new InterruptedSave(saved, log);
        rec.runStarted(session);
        rec.onUpdates(List.of(Samples.update(1, 80, 22)));
        rec.runEnded(session); // Retrain: the run ends; the control thread stops its session later

        Thread control = new Thread(() -> {
            rec.beforeStop(session);
            log.add("returned, interrupt kept: " + Thread.currentThread().isInterrupted());
        });
        control.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (control.getState() != Thread.State.TIMED_WAITING && control.getState() != Thread.State.TERMINATED
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(Thread.State.TIMED_WAITING, control.getState(), "still waiting for the save: " + log);
        saved.complete(null);
        control.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(List.of("submit (then interrupted)", "returned, interrupt kept: true"), log);
    }

    /**
     * Issue 21: the recorder is handed each run's session at its start and end, where it guessed it
     * before (the launcher's session once it differed from the one before the run, so with any
     * launcher but the app's it never learned one and saved no model). Here a Retrain comes while
     * the replaced run still has updates not yet delivered, that session trains on until it is
     * stopped, and the control thread saves and stops it only after the new run's updates were
     * recorded: each run's updates, and the save of its models, belong to its own folder.
     */
    @Test
    void aRetrainBeforeTheReplacedRunsLastUpdatesAreDeliveredKeepsEachRunInItsOwnFolder() {
        List<String> log = new ArrayList<>();
        List<FakeRun> sessions = new ArrayList<>();
        // the control thread's queue: it runs when the test says, as a busy control thread would
        List<Runnable> control = new ArrayList<>();
        Tab tab = tab(factory(sessions, log), control::add, Duration.ofHours(1));
        FakeRun first = firstRunAfterOneUpdate(tab, control, sessions);
        first.update(2, 160); // not delivered before the Retrain
        tab.training().retrain();
        FakeRun second = sessions.get(1);
        first.update(3, 240); // the replaced session trains on until the control thread stops it
        second.update(1, 64);
        second.update(2, 128);
        tab.training().pulse(2);

        assertEquals(2, tab.vm().rows().size());
        Path firstDir = tab.vm().rows().get(0).record().dir();
        Path secondDir = tab.vm().rows().get(1).record().dir();
        RunRecord ended = new Workspace(tmp).read(firstDir);
        assertEquals(RunState.FINISHED, ended.state());
        assertEquals(80, ended.curves().envSteps(), "the replaced run's delivered updates only, none of the next run's");

        // the control thread: the replaced run's models are saved by its own session, then it stops
        tab.rec().beforeStop(first);
        runAll(control);
        assertEquals(List.of("s1:start", "s1:submit", "s1:stop", "s2:start"), log);
        assertEquals("Could not save the models of " + firstDir + ": " + FakeRun.NO_NETWORK,
                tab.vm().messageProperty().get(),
                "the save of the first run's session went to the first run's folder");

        tab.training().stop();
        tab.rec().stretchEnded();
        assertEquals("s2:submit", log.get(log.size() - 1));
        assertEquals("Could not save the models of " + secondDir + ": " + FakeRun.NO_NETWORK,
                tab.vm().messageProperty().get());
        assertEquals(128, new Workspace(tmp).read(secondDir).curves().envSteps());
    }

    /**
     * README: a replaced run's save that takes over the wait (20 s in the app; a stalled disk) is
     * given up with a message naming the run's folder, so a Retrain never hangs: the next run
     * starts, and the replaced run's folder, whose save never wrote, claims no model.
     */
    @Test
    void aReplacedRunsSaveThatNeverEndsIsGivenUpAfterTheWaitAndTheNextRunStarts() {
        List<String> log = new CopyOnWriteArrayList<>();
        List<FakeRun> sessions = new ArrayList<>();
        List<Runnable> control = new ArrayList<>();
        Tab tab = tab(factory(sessions, log, StalledSave::new), control::add, Duration.ofHours(1));
        tab.rec().assumeSaveWait(Duration.ofMillis(200));
        FakeRun first = firstRunAfterOneUpdate(tab, control, sessions);
        tab.training().retrain();
        Path firstDir = tab.vm().rows().get(0).record().dir();

        // the control thread: the save of the replaced run never ends; without the limit this hangs
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            tab.rec().beforeStop(first);
            runAll(control);
        });
        assertEquals(List.of("s1:start", "s1:submit (never ends)", "s1:stop", "s2:start"), log);
        assertEquals("Saving the models of " + firstDir + " took over 0.2 s; the session was stopped",
                tab.vm().messageProperty().get());
        RunRecord ended = new Workspace(tmp).read(firstDir);
        assertEquals(RunState.FINISHED, ended.state());
        assertEquals(80, ended.result().envSteps(), "its curves and result are kept");
        assertFalse(ended.hasModel(), "no model/ folder: Export and Open say it has none");
        assertFalse(tab.vm().rows().get(0).record().hasModel());
    }

    /**
     * The recorder observes the Training tab, whose Train starts the first run (its session s1, on
     * the control thread); one update of 80 steps is delivered. Returns that session.
     */
    private static FakeRun firstRunAfterOneUpdate(Tab tab, List<Runnable> control, List<FakeRun> sessions) {
        tab.training().addObserver(tab.rec());
        tab.training().train();
        runAll(control);
        FakeRun first = sessions.get(0);
        first.update(1, 80);
        tab.training().pulse(1);
        return first;
    }

    private static void runAll(List<Runnable> queue) {
        List<Runnable> now = List.copyOf(queue);
        queue.clear();
        now.forEach(Runnable::run);
    }

    /**
     * A session that reports what the test tells it to and logs "name:command"; its save jobs fail
     * (no network here), which the recorder reports with the run's folder.
     */
    static class FakeRun implements TrainingHandle {
        static final String NO_NETWORK = "no network in this test";
        final String name;
        final List<String> log;
        final TrainingListener listener;

        FakeRun(String name, List<String> log) {
            this(name, log, null);
        }

        FakeRun(String name, List<String> log, TrainingListener listener) {
            this.name = name;
            this.log = log;
            this.listener = listener;
        }

        void update(long update, long envSteps) {
            listener.onUpdate(Samples.update(update, envSteps, 22), List.of(), List.of(), null);
        }

        @Override
        public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
            log.add(name + ":submit");
            return CompletableFuture.failedFuture(new IllegalStateException(NO_NETWORK));
        }

        @Override
        public void start() {
            log.add(name + ":start");
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void stop() {
            log.add(name + ":stop");
        }

        @Override
        public void setHyperparameters(Hyperparameters hp) {
        }

        @Override
        public Hyperparameters hyperparameters() {
            return HP;
        }

        @Override
        public void requestSnapshot() {
        }

        @Override
        public CompletableFuture<String> deviceName() {
            return CompletableFuture.completedFuture("CPU");
        }

        @Override
        public CompletableFuture<TrainingStats> stats() {
            return new CompletableFuture<>();
        }

        @Override
        public void setStopWhenSolved(boolean on) {
        }
    }

    /** A session whose save jobs never end (a stalled disk). */
    private static final class StalledSave extends FakeRun {
        StalledSave(String name, List<String> log, TrainingListener listener) {
            super(name, log, listener);
        }

        @Override
        public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
            log.add(name + ":submit (never ends)");
            return new CompletableFuture<>();
        }
    }

        /** A session whose save job is finished by the test, interrupted (a quick Retrain) as the save is queued. */
    private static final class InterruptedSave extends FakeRun {
        private final CompletableFuture<Object> saved;

        InterruptedSave(CompletableFuture<Object> saved, List<String> log) {
            super("s1", log);
            this.saved = saved;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> CompletableFuture<T> submit(Function<TrainingView, T> job) {
            log.add("submit (then interrupted)");
            Thread.currentThread().interrupt();
            return (CompletableFuture<T>) saved;
        }
    }
}
