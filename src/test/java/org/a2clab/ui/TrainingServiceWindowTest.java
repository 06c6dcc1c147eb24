package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingResult;
import org.a2clab.ui.training.TrainingHandle;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's training service with real (small) sessions, driven by the buttons: RUNNING while
 * training (the status bar says the run's state, as the runs list does), SUCCEEDED with the run's counters at Stop (the status
 * bar's), RUNNING again on a fresh
 * session after Retrain, the old session stopped.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingServiceWindowTest {
    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private ExecutorService background;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        window = TestWindow.show(stage, new MainWindow(tracking, background), 1260, 780);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, background);
    }

    @Test
    void theServiceFollowsTrainStopAndRetrain(FxRobot robot) throws Exception {
        assertEquals(Worker.State.READY, fx(() -> window.trainingService().getState()));
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingService().getState() == Worker.State.RUNNING
                && window.status().envStepsProperty().get() > 200);
        assertFalse(fx(() -> robot.lookup("#stop-button").queryAs(Button.class).isDisabled()));
        assertEquals("CPU · Running", fx(() -> statusBar(robot).getText()), "the run's state, as the runs list says it");

        robot.clickOn("#primary-button"); // Pause: the stretch goes on, nothing moves
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        assertEquals(Worker.State.RUNNING, fx(() -> window.trainingService().getState()), "a pause is part of the stretch");
        assertEquals("CPU · Paused", fx(() -> statusBar(robot).getText()), "but the bar says nothing trains (issue 20)");
        robot.clickOn("#primary-button"); // Resume
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        assertEquals("CPU · Running", fx(() -> statusBar(robot).getText()));

        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingService().getState() == Worker.State.SUCCEEDED);
        TrainingResult result = fx(() -> window.trainingService().getValue());
        assertTrue(result.envSteps() > 200);
        assertEquals(0, result.envSteps() % 20, "whole updates of 4 workers × 5 steps");
        assertEquals(result.envSteps() / 20, result.updates());
        assertEquals("CPU", result.device());
        assertEquals(fx(() -> window.trainingModel().appliedProperty().get()), result.hp());
        // the last update before the pause reaches the status bar with the next pulse
        waitUntil(() -> window.status().envStepsProperty().get() == result.envSteps());
        assertTrue(fx(() -> robot.lookup("#stop-button").queryAs(Button.class).isDisabled()));
        assertEquals("CPU · Stopped", fx(() -> statusBar(robot).getText()));

        robot.clickOn("#retrain-button");
        waitUntil(() -> window.trainingService().getState() == Worker.State.RUNNING && sessions.size() == 2
                && window.status().envStepsProperty().get() > 0);
        ExecutionException stopped = assertThrows(ExecutionException.class,
                () -> sessions.get(0).stats().get(20, TimeUnit.SECONDS));
        assertEquals("session is stopped", stopped.getCause().getMessage());
    }

    private static StatusBar statusBar(FxRobot robot) {
        return robot.lookup("#status-bar").queryAs(StatusBar.class);
    }
}
