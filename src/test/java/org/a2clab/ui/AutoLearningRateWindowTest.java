package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.training.TrainingHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Auto α in the whole window at 1024 × 700: a run started with auto records it, Defaults turns it on, the note fits. */
@ExtendWith(ApplicationExtension.class)
class AutoLearningRateWindowTest {
    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = new MainWindow(tracking, control);
        // the small run of the window tests, with α left on auto
        window.hyperparametersModel().set(HyperparameterField.N_STEPS, 5);
        window.hyperparametersModel().set(HyperparameterField.NUM_ENVS, 4);
        stage.setScene(new Scene(window.root(), 1024, 700));
        stage.show();
        window.start();
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void aRunStartedWithAutoAlphaRecordsItAsDerived(FxRobot robot) {
        assertTrue(fx(() -> robot.lookup("#learning-rate-auto").queryAs(ToggleButton.class).isSelected()));
        robot.clickOn("#primary-button");
        waitUntil(() -> sessions.size() == 1 && window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        Hyperparameters used = sessions.get(0).hyperparameters();
        assertTrue(used.learningRateDerived());
        assertEquals(BatchScaledLearningRate.CATEGORICAL.learningRate(4, 5), used.learningRate());
        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
    }

    @Test
    void theDefaultsButtonTurnsAutoBackOnAndTheNoteFitsTheWindow(FxRobot robot) throws Exception {
        Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);
        ToggleButton auto = robot.lookup("#learning-rate-auto").queryAs(ToggleButton.class);
        Label note = robot.lookup("#measured-note").queryAs(Label.class);
        robot.interact(() -> lr.setValue(HyperparameterField.LEARNING_RATE.toPosition(1e-3)));
        assertFalse(fx(auto::isSelected));
        // α by hand lies outside what the table measured, whatever cells it holds
        assertTrue(fx(note::isVisible));
        assertTrue(fx(note::getText).contains("auto α only"), fx(note::getText));
        LayoutCheck.assertNothingCut(robot, window.root(), "Training tab with the note");
        LayoutCheck.assertInsideWindow(robot, window.root(), "#measured-note", "#learning-rate-auto",
                "#learning-rate-slider", "#num-envs-slider", "#defaults-button", "#primary-button");
        Screenshots.save(window.root(), "auto-alpha-note-1024x700.png");

        robot.clickOn("#defaults-button");
        assertTrue(fx(auto::isSelected));
        assertEquals(Hyperparameters.DEFAULTS, fx(() -> window.hyperparametersModel().settings()));
    }
}
