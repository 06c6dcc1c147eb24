package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.training.Samples;
import org.a2clab.ui.training.TrainingHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The controls issue 9 added, used as a person would in a 1024 × 700 window with real (small)
 * sessions: GAE λ, advantage normalization and the α schedule reach the running session without
 * a retrain, and α shows in the status bar and its plot.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsControlsWindowTest {
    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = new MainWindow(tracking, control);
        window.hyperparametersModel().set(HyperparameterField.HIDDEN_SIZE, 16);
        TestWindow.show(stage, window, 1024, 700);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void lambdaSliderAndNormalizationToggleApplyLiveToTheRunningSession(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 100);
        Slider lambda = robot.lookup("#gae-lambda-slider").queryAs(Slider.class);
        CheckBox normalize = robot.lookup("#normalize-advantage-toggle").queryAs(CheckBox.class);
        assertTrue(fx(normalize::isSelected), "on by default");

        robot.interact(() -> lambda.setValue(HyperparameterField.GAE_LAMBDA.toPosition(0.5)));
        robot.clickOn(normalize);

        assertEquals("0.500", fx(() -> robot.lookup("#gae-lambda-value").queryAs(Label.class).getText()));
        Hyperparameters applied = fx(() -> window.trainingModel().appliedProperty().get());
        assertEquals(0.5, applied.gaeLambda());
        assertFalse(applied.normalizeAdvantage());
        assertEquals(1, sessions.size(), "applied live: no retrain");
        // the training thread takes them at its next update
        Hyperparameters used = sessions.get(0).submit(view -> view.hyperparameters()).get(20, TimeUnit.SECONDS);
        assertEquals(0.5, used.gaeLambda());
        assertFalse(used.normalizeAdvantage());
        assertEquals("", fx(() -> robot.lookup("#retrain-banner").queryAs(Label.class).getText()));
    }

    @Test
    void aLinearScheduleDecaysTheAlphaShownInTheStatusBarAndThePlot(FxRobot robot) {
        ComboBox<?> schedule = robot.lookup("#lr-schedule-choice").queryAs(ComboBox.class);
        Slider lrFinal = robot.lookup("#lr-final-slider").queryAs(Slider.class);
        assertTrue(fx(lrFinal::isDisabled), "final α belongs to the linear schedule");
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 100);
        assertEquals("α 2.50e-03", fx(() -> robot.lookup("#alpha-status").queryAs(Label.class).getText()));

        robot.interact(() -> {
            window.hyperparametersModel().setLrDecaySteps(1);
            window.hyperparametersModel().setLrSchedule(LrSchedule.LINEAR);
        });
        assertEquals(LrSchedule.LINEAR, fx(schedule::getValue));
        assertFalse(fx(lrFinal::isDisabled));
        // decayed over one step: every later update runs at the final α, 0
        waitUntil(() -> window.status().learningRateProperty().get() == 0);
        assertEquals("α 0.00e+00", fx(() -> robot.lookup("#alpha-status").queryAs(Label.class).getText()));
        waitUntil(() -> window.metrics().learningRate.lastY() == 0);
        assertEquals(1, sessions.size());
    }

    /** The longest texts the status bar shows at once (a long run, solved) still fit a 1024-wide window. */
    @Test
    void theStatusBarFitsWithItsLongestTexts(FxRobot robot) throws Exception {
        UpdateStats solved = Samples.update(123_456, 2_345_678, 19_999, 500);
        BestCheckpoint.Point best = new BestCheckpoint.Point(2_340_000, 500);
        robot.interact(() -> {
            window.status().onUpdates(List.of(solved));
            window.status().onSolved(2_300_000, 1_234.5);
            window.status().onEvaluation(new EvaluationReport(best, best, 1.5));
        });
        assertEquals("best eval 500 @ 2.34M", fx(() -> robot.lookup("#best-status").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#solved-status").queryAs(Label.class).getText()).startsWith("✔ SOLVED"));
        LayoutCheck.assertNothingCut(robot, window.root(), "status bar, solved, with a best evaluation");
        Screenshots.save(window.root(), "status-solved-1024x700.png");
    }
}
