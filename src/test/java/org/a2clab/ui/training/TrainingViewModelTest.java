package org.a2clab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.SessionState;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;
import org.junit.jupiter.api.Test;

/** The training view-model on the test thread: a synchronous executor and fake sessions. */
class TrainingViewModelTest {
    private final SimpleObjectProperty<Hyperparameters> settings = new SimpleObjectProperty<>(Hyperparameters.DEFAULTS);
    private final List<FakeSession> sessions = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final RecordingObserver observer = new RecordingObserver();
    private final TrainingViewModel model = new TrainingViewModel(settings, FakeSession.factory(sessions, log), RunLauncher.on(Runnable::run));

    TrainingViewModelTest() {
        model.addObserver(observer);
    }

    @Test
    void trainStartsASessionWithTheSettingsAndFollowsItsState() {
        settings.set(Hyperparameters.DEFAULTS.withNSteps(5).withNumEnvs(4));
        assertEquals(PrimaryAction.TRAIN, model.primaryActionProperty().get());
        assertFalse(model.canStopProperty().get());

        model.primary();

        assertEquals(List.of("s1:start"), log);
        assertEquals(5, sessions.get(0).hp.nSteps());
        assertEquals(4, model.appliedProperty().get().numEnvs());
        assertEquals(SessionState.STARTING, model.stateProperty().get());
        assertEquals(PrimaryAction.PAUSE, model.primaryActionProperty().get());
        sessions.get(0).report(SessionState.RUNNING);
        model.pulse(1);
        assertEquals(SessionState.RUNNING, model.stateProperty().get());
        assertEquals("CPU", model.deviceProperty().get());
        assertTrue(model.canStopProperty().get());
    }

    @Test
    void pauseAndResumeReachTheSession() {
        startRunning();
        model.primary();
        sessions.get(0).report(SessionState.PAUSED);
        model.pulse(1);
        assertEquals(PrimaryAction.RESUME, model.primaryActionProperty().get());
        model.primary();
        sessions.get(0).report(SessionState.RUNNING);
        model.pulse(2);
        assertEquals(List.of("s1:start", "s1:pause", "s1:resume"), log);
        assertEquals(PrimaryAction.PAUSE, model.primaryActionProperty().get());
    }

    @Test
    void liveChangeGoesToTheRunningSessionWithoutRestart() {
        startRunning();
        settings.set(settings.get().withLearningRate(1e-4).withEntropyCoef(0.01));

        assertEquals(1e-4, sessions.get(0).hp.learningRate());
        assertEquals(0.01, sessions.get(0).hp.entropyCoef());
        assertEquals(1e-4, model.appliedProperty().get().learningRate());
        assertEquals(1, sessions.size());
        assertEquals(1, model.runNumberProperty().get());
        assertFalse(model.retrainPendingProperty().get());
    }

    @Test
    void aLiveChangeIsAnnouncedToThePlotsAtTheCurrentStep() {
        startRunning();
        sessions.get(0).listener.onUpdate(Samples.update(1, 640, 12), List.of(), List.of(), null);
        model.pulse(1);
        double before = settings.get().learningRate();
        settings.set(settings.get().withLearningRate(1e-4));
        assertEquals(1, observer.liveChanges.size());
        assertEquals(640, observer.liveChanges.get(0).envSteps());
        assertEquals(String.format(java.util.Locale.ROOT, "α %.1e → 1.0e-04", before),
                observer.liveChanges.get(0).text());
        settings.set(settings.get().withNSteps(32));
        assertEquals(1, observer.liveChanges.size(), "a retrain-only edit is not a live change");
    }

    @Test
    void restartOnlyChangeWaitsForRetrainAndIsFlagged() {
        startRunning();
        settings.set(settings.get().withNSteps(32).withLearningRate(5e-4));

        assertEquals(Hyperparameters.DEFAULTS.nSteps(), sessions.get(0).hp.nSteps());
        assertEquals(5e-4, sessions.get(0).hp.learningRate(), "the live part still applies");
        assertTrue(model.retrainPendingProperty().get());

        model.retrain();

        assertEquals(List.of("s1:start", "s1:set", "s1:stop", "s2:start"), log, "old session stops before the new starts");
        assertEquals(32, sessions.get(1).hp.nSteps());
        assertEquals(2, model.runNumberProperty().get());
        assertFalse(model.retrainPendingProperty().get());
    }

    @Test
    void pulseHandsResultsToObserversOnceAndRetrainResetsThemAndIgnoresTheOldSession() {
        startRunning();
        FakeSession first = sessions.get(0);
        first.listener.onUpdate(Samples.update(1, 64, Double.NaN), List.of(Samples.episode(1, 30, 12)),
                List.of(Samples.frame(0, false, false), Samples.frame(1, true, false)), null);
        first.listener.onUpdate(Samples.update(2, 128, 12), List.of(), List.of(), null);
        model.pulse(10);
        model.pulse(11);

        assertEquals(2, observer.updates.size());
        assertEquals(128, observer.updates.get(1).envSteps());
        assertEquals(1, observer.episodes);
        assertEquals(2, observer.frames.size());

        model.retrain();
        assertEquals(2, observer.resets, "one reset per run");
        first.listener.onUpdate(Samples.update(3, 192, 12), List.of(), List.of(), null);
        model.pulse(12);
        assertTrue(observer.updates.isEmpty(), "a stopped session's late results are dropped");
    }

    @Test
    void snapshotsAreRequestedAFewTimesPerSecondWhileRunning() {
        startRunning();
        for (long t = 0; t <= 1_000_000_000L; t += 16_000_000L) {
            model.pulse(1_000_000_000L + t);
        }
        assertTrue(sessions.get(0).snapshotRequests >= 4 && sessions.get(0).snapshotRequests <= 5,
                "requests: " + sessions.get(0).snapshotRequests);
    }

    @Test
    void failureIsReportedAndClearedByResume() {
        startRunning();
        sessions.get(0).listener.onStateChanged(SessionState.FAILED, "training diverged at update 7: loss NaN");
        model.pulse(1);
        assertEquals(new Failure("training diverged at update 7: loss NaN", false), model.failureProperty().get());
        assertEquals(PrimaryAction.RESUME, model.primaryActionProperty().get());
        model.primary();
        assertNull(model.failureProperty().get());
        assertEquals("s1:resume", log.get(log.size() - 1));
    }

    @Test
    void aFailureBeforeTheNetworkExistsSaysSoAndEndsTheRun() {
        model.train();
        sessions.get(0).listener.onStateChanged(SessionState.FAILED, "device gpu: no CUDA GPU");
        sessions.get(0).report(SessionState.STOPPED);
        model.pulse(1);
        assertEquals(new Failure("device gpu: no CUDA GPU", true), model.failureProperty().get());
        assertEquals(PrimaryAction.TRAIN, model.primaryActionProperty().get());
    }

    @Test
    void stopEndsTrainingButKeepsTheNetworkForExportEvaluateAndTheInspector() {
        startRunning();
        model.stop();
        assertEquals(List.of("s1:start", "s1:pause"), log, "the session is held, not closed");
        assertEquals(SessionState.STOPPED, model.stateProperty().get());
        assertTrue(model.modelKeptProperty().get());
        assertTrue(model.hasNetworkProperty().get());
        assertFalse(model.canStopProperty().get());
        assertEquals(PrimaryAction.CONTINUE, model.primaryActionProperty().get());
        // the held session confirms its pause: still "stopped" to the user
        sessions.get(0).report(SessionState.PAUSED);
        model.pulse(1);
        assertEquals(SessionState.STOPPED, model.stateProperty().get());
        assertEquals("kept", model.currentRun().submit(view -> "kept").join());
        assertEquals("s1:submit", log.get(log.size() - 1));
    }

    @Test
    void continueAfterStopTrainsTheSameNetworkInTheSameRun() {
        startRunning();
        model.stop();
        sessions.get(0).report(SessionState.PAUSED);
        model.pulse(1);
        settings.set(settings.get().withLearningRate(2e-4));

        model.primary();

        assertEquals(List.of("s1:start", "s1:pause", "s1:set", "s1:resume"), log,
                "a live change made while stopped applies before training goes on");
        assertEquals(1, sessions.size());
        assertEquals(1, model.runNumberProperty().get());
        assertEquals(SessionState.RUNNING, model.stateProperty().get());
        assertFalse(model.modelKeptProperty().get());
        assertEquals(PrimaryAction.PAUSE, model.primaryActionProperty().get());
        assertEquals(0, observer.resets - 1, "the plots are not cleared");
    }

    @Test
    void trainAfterStopStartsFreshAndDiscardsTheKeptNetwork() {
        startRunning();
        model.stop();
        model.train();
        assertEquals(List.of("s1:start", "s1:pause", "s1:stop", "s2:start"), log);
        assertFalse(model.modelKeptProperty().get());
        assertEquals(2, model.runNumberProperty().get());
        assertFalse(model.hasNetworkProperty().get(), "not until the new session has built its network");
    }

    @Test
    void aSessionThatEndsAfterStopKeepsNothing() {
        startRunning();
        model.stop();
        sessions.get(0).report(SessionState.STOPPED);
        model.pulse(1);
        assertFalse(model.modelKeptProperty().get());
        assertFalse(model.hasNetworkProperty().get());
        assertEquals(PrimaryAction.TRAIN, model.primaryActionProperty().get());
    }

    @Test
    void continueFromStartsANewRunOnTheGivenNetwork() {
        startRunning();
        java.util.function.Supplier<org.a2clab.agent.ActorCritic> network = () -> null;
        model.continueFrom(network);
        assertEquals(List.of("s1:start", "s1:stop", "s2:start"), log);
        assertEquals(network, sessions.get(1).network);
        assertEquals(2, observer.resets);
    }

    @Test
    void continuePausedFromPausesTheNewSessionBeforeItStarts() {
        startRunning();
        model.continuePausedFrom(() -> null);
        assertEquals(List.of("s1:start", "s2:pause", "s1:stop", "s2:start"), log);
        assertFalse(model.hasNetworkProperty().get(), "not until the new session has built its network");
        sessions.get(1).report(SessionState.PAUSED);
        model.pulse(1);
        assertTrue(model.hasNetworkProperty().get());
        assertEquals(PrimaryAction.RESUME, model.primaryActionProperty().get());
    }

    @Test
    void eachRunRecordsItsOwnMetricsLogAsTheSessionReports() {
        startRunning();
        sessions.get(0).listener.onUpdate(Samples.update(1, 20, 12), List.of(Samples.episode(0, 15, 15)), List.of(), null);
        sessions.get(0).listener.onUpdate(Samples.update(2, 40, 13), List.of(), List.of(), null);
        assertEquals(2, model.currentRun().metricsLog().get().updates().size());
        assertEquals(1, model.currentRun().metricsLog().get().episodes().size());

        model.retrain();
        assertTrue(model.currentRun().metricsLog().get().updates().isEmpty(), "a new run starts an empty log");
    }

    @Test
    void theRunRemembersWhenItWasFirstSolvedByTheSessionsOneEvent() {
        startRunning();
        assertEquals(-1, model.currentRun().solvedAtStep().getAsLong());
        // statistics alone never make a run solved: the session's solved event does
        sessions.get(0).listener.onUpdate(Samples.update(2, 90_000, 120, 476), List.of(), List.of(), null);
        assertEquals(-1, model.currentRun().solvedAtStep().getAsLong());
        sessions.get(0).listener.onSolved(90_000, 9.0);
        sessions.get(0).listener.onUpdate(Samples.update(3, 95_000, 130, 176), List.of(), List.of(), null);
        assertEquals(90_000, model.currentRun().solvedAtStep().getAsLong(), "the first time, though the mean fell since");
        model.retrain();
        assertEquals(-1, model.currentRun().solvedAtStep().getAsLong());
    }

    @Test
    void jobsGoToTheCurrentSessionAndFailWithoutOne() {
        assertTrue(model.currentRun().submit(view -> "x").isCompletedExceptionally());
        startRunning();
        assertEquals("done", model.currentRun().submit(view -> "done").join());
        assertEquals("s1:submit", log.get(log.size() - 1));
    }

    @Test
    void nothingRunsBeforeTrain() {
        model.pulse(1);
        model.pause();
        model.stop();
        assertNull(model.appliedProperty().get());
        assertTrue(log.isEmpty());
    }

    /**
     * Issue 21: the current run's one owner hands each run's session to the observers: its end
     * (replaced, or at exit) before the next run begins, its start before any of its results (an
     * opened model's curves included) and before the launcher starts it.
     */
    @Test
    void eachRunsSessionIsHandedToTheObserversWhenItStartsAndWhenItEnds() {
        List<String> events = new ArrayList<>();
        model.addObserver(new TrainingObserver() {
            @Override
            public void runStarted(TrainingHandle run) {
                String name = ((FakeSession) run).name;
                events.add("started " + name + (log.contains(name + ":start") ? " after its start" : ""));
            }

            @Override
            public void runEnded(TrainingHandle run) {
                events.add("ended " + ((FakeSession) run).name);
            }

            @Override
            public void onUpdates(List<UpdateStats> batch) {
                events.add("updates to " + batch.get(batch.size() - 1).envSteps());
            }
        });
        model.train();
        sessions.get(0).listener.onUpdate(Samples.update(1, 80, 22), List.of(), List.of(), null);
        model.pulse(1);
        model.continuePausedFrom(() -> null,
                new RunStart(1, 500, 3, 2.0, -1, 20, List.of(Samples.update(1, 500, 20)), List.of()));
        model.shutdown();

        assertEquals(List.of("started s1", "updates to 80", "ended s1", "started s2", "updates to 500", "ended s2"),
                events);
        assertEquals(List.of("s1:start", "s2:pause", "s1:stop", "s2:start", "s2:stop"), log);
    }

    private void startRunning() {
        model.train();
        sessions.get(sessions.size() - 1).report(SessionState.RUNNING);
        model.pulse(0);
    }

    private static final class RecordingObserver implements TrainingObserver {
        List<UpdateStats> updates = new ArrayList<>();
        List<WorkerFrame> frames = new ArrayList<>();
        int episodes;
        int resets;
        int snapshots;
        List<LiveChange> liveChanges = new ArrayList<>();

        @Override
        public void onLiveChange(LiveChange change) {
            liveChanges.add(change);
        }

        @Override
        public void reset() {
            resets++;
            updates = new ArrayList<>();
            frames = new ArrayList<>();
            episodes = 0;
        }

        @Override
        public void onUpdates(List<UpdateStats> batch) {
            updates.addAll(batch);
        }

        @Override
        public void onEpisodes(List<org.a2clab.train.EpisodeStats> batch) {
            episodes += batch.size();
        }

        @Override
        public void onFrames(List<WorkerFrame> batch) {
            frames.addAll(batch);
        }

        @Override
        public void onSnapshot(RolloutSnapshot snapshot) {
            snapshots++;
        }
    }
}
