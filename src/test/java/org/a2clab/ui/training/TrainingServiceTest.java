package org.a2clab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Worker;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.a2clab.ui.status.StatusBarView;
import org.a2clab.ui.status.StatusViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training service's state follows the run: RUNNING while a stretch of training goes on
 * (paused included), SUCCEEDED with the run's result after Stop, CANCELLED when a new run
 * replaces it, FAILED with the reason when the session fails; and a replaced session is stopped
 * before the next one starts. Fake sessions on a real control thread; the view-model on the FX thread.
 */
class TrainingServiceTest {
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withNSteps(5).withNumEnvs(4);
    private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor();
    private final TrainingService service = new TrainingService(control);
    private final TrainingViewModel model = fx(() -> new TrainingViewModel(new SimpleObjectProperty<>(HP),
            FakeSession.factory(sessions, log), service));

    @BeforeAll
    static void startFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        fx(() -> {
            model.shutdown();
            return null;
        });
        control.shutdown();
        assertTrue(control.awaitTermination(10, TimeUnit.SECONDS), "the control thread ends");
    }

    @Test
    void trainRunsUntilStopAndSucceedsWithTheRunsCounters() {
        assertEquals(Worker.State.READY, fx(service::getState));
        fx(() -> run(model::primary));
        await(() -> service.getState() == Worker.State.RUNNING);
        assertEquals(List.of("s1:start"), log);
        assertEquals(-1, fx(service::getProgress), "no budget: indeterminate");
        report(sessions.get(0), SessionState.RUNNING);
        assertTrue(fx(() -> service.isRunning() && model.canStopProperty().get()));

        sessions.get(0).stats = new TrainingStats(640, 32, 12, 21.5, -1, 1.25, "CPU");
        fx(() -> run(model::stop));
        await(() -> service.getState() == Worker.State.SUCCEEDED);
        TrainingResult result = fx(service::getValue);
        assertEquals(640, result.envSteps());
        assertEquals(32, result.updates());
        assertEquals(12, result.episodes());
        assertEquals(21.5, result.meanReturnLast100());
        assertEquals(1.25, result.trainingSeconds());
        assertFalse(result.solved());
        assertEquals(HP, result.hp());
        assertEquals("", fx(service::getMessage), "the run's state is the view-model's alone (issue 21)");
        assertFalse(fx(() -> model.canStopProperty().get()));

        // Continue trains the kept network on: a new stretch of the same session, nothing restarted
        fx(() -> run(model::primary));
        await(() -> service.getState() == Worker.State.RUNNING);
        assertEquals(List.of("s1:start", "s1:pause", "s1:resume"), log);
    }

    @Test
    void aPauseIsPartOfTheStretch() throws InterruptedException {
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING);
        report(sessions.get(0), SessionState.RUNNING);
        fx(() -> run(model::pause));
        report(sessions.get(0), SessionState.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Worker.State.RUNNING, fx(service::getState));
        fx(() -> run(model::resume));
        report(sessions.get(0), SessionState.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Worker.State.RUNNING, fx(service::getState));
    }

    @Test
    void retrainCancelsTheRunAndStopsTheOldSessionBeforeTheNewOneStarts() {
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING && log.contains("s1:start"));
        fx(() -> run(model::retrain));
        await(() -> log.contains("s2:start"));
        assertEquals(List.of("s1:start", "s1:stop", "s2:start"), log);
        await(() -> service.getState() == Worker.State.RUNNING);

        // twice in a row: whether or not the control thread got to s3 in between, s2 and s3 are
        // both stopped before s4 starts, and s3 (if it started at all) only after s2 stopped
        fx(() -> {
            model.retrain();
            model.retrain();
            return null;
        });
        await(() -> log.contains("s4:start"));
        List<String> after = List.copyOf(log.subList(3, log.size()));
        assertEquals("s4:start", after.get(after.size() - 1));
        assertTrue(after.indexOf("s2:stop") >= 0 && after.indexOf("s3:stop") >= 0, after.toString());
        if (after.contains("s3:start")) {
            assertTrue(after.indexOf("s2:stop") < after.indexOf("s3:start")
                    && after.indexOf("s3:start") < after.indexOf("s3:stop"), after.toString());
        }
        assertEquals(after.contains("s3:start") ? 4 : 3, after.size(), after.toString());
        await(() -> service.getState() == Worker.State.RUNNING);
        assertEquals(4, fx(() -> model.runNumberProperty().get()));
    }

    @Test
    void theHookRunsOnAReplacedSessionJustBeforeItStopsOnTheControlThread() {
        fx(() -> {
            service.beforeStoppingReplaced(old -> log.add(((FakeSession) old).name + ":before-stop on "
                    + (javafx.application.Platform.isFxApplicationThread() ? "fx" : "control")));
            return null;
        });
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING && log.contains("s1:start"));
        assertEquals(sessions.get(0), fx(service::session));
        fx(() -> run(model::retrain));
        await(() -> log.contains("s2:start"));
        assertEquals(List.of("s1:start", "s1:before-stop on control", "s1:stop", "s2:start"), log);
        assertEquals(sessions.get(1), fx(service::session));
    }

    @Test
    void theReplacedTaskIsCancelled() {
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING);
        Worker.State[] seen = new Worker.State[1];
        fx(() -> {
            service.stateProperty().addListener((obs, old, s) -> {
                if (old == Worker.State.RUNNING && seen[0] == null) {
                    seen[0] = s;
                }
            });
            model.retrain();
            return null;
        });
        await(() -> service.getState() == Worker.State.RUNNING && log.contains("s2:start"));
        assertEquals(Worker.State.CANCELLED, seen[0]);
    }

    @Test
    void aFailureFailsTheStretchWithItsReasonAndResumeTrainsOn() {
        StatusBarView bar = fx(() -> new StatusBarView(new StatusViewModel(), new SimpleStringProperty("CPU"),
                model.runStateProperty(), service));
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING);
        FakeSession s = sessions.get(0);
        report(s, SessionState.RUNNING);
        await(() -> bar.getText().equals("CPU · Running"));
        s.listener.onStateChanged(SessionState.FAILED, "diverged: the loss is NaN");
        fx(() -> run(() -> model.pulse(2)));
        await(() -> service.getState() == Worker.State.FAILED);
        assertEquals("diverged: the loss is NaN", fx(() -> service.getException().getMessage()));
        assertEquals("CPU · Failed", fx(bar::getText));
        assertEquals("Training failed: diverged: the loss is NaN", fx(() -> bar.getTooltip().getText()),
                "the status bar says why");
        assertEquals("diverged: the loss is NaN", fx(() -> model.failureProperty().get().message()));
        assertEquals(PrimaryAction.RESUME, fx(() -> model.primaryActionProperty().get()));
        assertTrue(fx(() -> model.canStopProperty().get()), "the network is kept: Stop still ends the run");

        fx(() -> run(model::primary));
        await(() -> service.getState() == Worker.State.RUNNING);
        assertNull(fx(() -> model.failureProperty().get()));
        assertEquals(List.of("s1:start", "s1:resume"), log);
    }

    @Test
    void aSessionThatCannotStartFailsAndTrainStartsAFreshOne() {
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING);
        FakeSession s = sessions.get(0);
        s.listener.onStateChanged(SessionState.FAILED, "no CUDA device");
        s.listener.onStateChanged(SessionState.STOPPED, "");
        fx(() -> run(() -> model.pulse(1)));
        await(() -> service.getState() == Worker.State.FAILED);
        assertEquals("no CUDA device", fx(() -> service.getException().getMessage()));
        assertTrue(fx(() -> model.failureProperty().get().atStart()));

        fx(() -> run(model::primary));
        await(() -> service.getState() == Worker.State.RUNNING && log.contains("s2:start"));
        assertEquals(List.of("s1:start", "s1:stop", "s2:start"), log);
    }

    @Test
    void shutdownCancelsAndStopsTheSession() {
        fx(() -> run(model::train));
        await(() -> service.getState() == Worker.State.RUNNING);
        fx(() -> run(model::shutdown));
        assertEquals(Worker.State.CANCELLED, fx(service::getState));
        assertTrue(log.contains("s1:stop"));
    }

    private void report(FakeSession s, SessionState state) {
        s.report(state);
        fx(() -> run(() -> model.pulse(System.nanoTime())));
    }

    private static Void run(Runnable r) {
        r.run();
        return null;
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }
}
