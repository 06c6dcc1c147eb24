package org.a2clab.ui.hyperparams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The auto mark beside α and the quiet note below workers and n, as a user meets them: the panel
 * alone at the side column's width (400 px), against a small measured table.
 */
@ExtendWith(ApplicationExtension.class)
class AutoLearningRatePanelTest {
    static final BatchScaledLearningRate RULE = BatchScaledLearningRate.CATEGORICAL;
    private HyperparametersViewModel model;

    @Start
    void start(Stage stage) {
        model = AutoLearningRateViewModelTest.model();
        ScrollPane scroll = new ScrollPane(new HyperparametersPanel(model));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Scene scene = new Scene(scroll, 400, 700);
        scene.getStylesheets().add(HyperparametersPanel.class.getResource("/org/a2clab/ui/a2c-lab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void movingAlphaByHandTurnsAutoOffAndTheKeyboardTurnsItBackOn(FxRobot robot) {
        ToggleButton auto = robot.lookup("#learning-rate-auto").queryAs(ToggleButton.class);
        Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);
        Label value = robot.lookup("#learning-rate-value").queryAs(Label.class);
        assertTrue(fx(auto::isSelected), "α starts derived");
        assertEquals(HyperparameterField.LEARNING_RATE.format(Hyperparameters.DEFAULTS.learningRate()), fx(value::getText));

        robot.drag(lr.lookup(".thumb")).moveBy(-40, 0).drop();
        assertFalse(fx(auto::isSelected), "a hand on α turns auto off");
        assertFalse(fx(() -> model.settings().learningRateDerived()));
        double byHand = fx(() -> model.settings().learningRate());
        assertTrue(byHand < Hyperparameters.DEFAULTS.learningRate());

        robot.interact(lr::requestFocus);
        robot.type(KeyCode.TAB);
        assertTrue(fx(auto::isFocused), "Tab goes from the α slider to its auto mark");
        robot.type(KeyCode.SPACE);
        assertTrue(fx(auto::isSelected), "Space on the focused mark turns auto on");
        assertEquals(RULE.learningRate(16, 5), fx(() -> model.settings().learningRate()));
        assertEquals(HyperparameterField.LEARNING_RATE.format(RULE.learningRate(16, 5)), fx(value::getText));
    }

    @Test
    void workersMoveAlphaUnderAutoAndDefaultsTurnAutoBackOn(FxRobot robot) {
        Slider workers = robot.lookup("#num-envs-slider").queryAs(Slider.class);
        Label value = robot.lookup("#learning-rate-value").queryAs(Label.class);
        ToggleButton auto = robot.lookup("#learning-rate-auto").queryAs(ToggleButton.class);
        robot.interact(() -> workers.setValue(HyperparameterField.NUM_ENVS.toPosition(8)));
        assertEquals(8, fx(() -> model.settings().numEnvs()));
        assertEquals(HyperparameterField.LEARNING_RATE.format(RULE.learningRate(8, 5)), fx(value::getText));

        robot.interact(() -> model.set(HyperparameterField.LEARNING_RATE, 3e-3));
        robot.interact(() -> workers.setValue(HyperparameterField.NUM_ENVS.toPosition(32)));
        assertEquals("3.00e-03", fx(value::getText), "off, α stays where the hand put it");
        assertFalse(fx(auto::isSelected));

        robot.interact(model::defaults);
        assertTrue(fx(auto::isSelected));
        assertEquals(HyperparameterField.LEARNING_RATE.format(Hyperparameters.DEFAULTS.learningRate()), fx(value::getText));

        robot.interact(() -> model.setPolicy(org.a2clab.agent.PolicyKind.GAUSSIAN));
        assertFalse(fx(auto::isDisabled), "every policy has a batch rule");
        assertTrue(fx(auto::isSelected));
        assertEquals(HyperparameterField.LEARNING_RATE.format(Hyperparameters.GAUSSIAN_DEFAULTS.learningRate()), fx(value::getText));
    }

    @Test
    void theNoteAppearsOutsideTheGoodRegionWithoutMovingTheSliders(FxRobot robot) {
        Label note = robot.lookup("#measured-note").queryAs(Label.class);
        Slider workers = robot.lookup("#num-envs-slider").queryAs(Slider.class);
        Slider nSteps = robot.lookup("#n-steps-slider").queryAs(Slider.class);
        assertFalse(fx(note::isVisible), "the default cell is measured and good");
        double width = fx(workers::getWidth);
        double lrWidth = fx(() -> robot.lookup("#learning-rate-slider").query().getBoundsInParent().getWidth());

        robot.interact(() -> {
            workers.setValue(HyperparameterField.NUM_ENVS.toPosition(4));
            nSteps.setValue(HyperparameterField.N_STEPS.toPosition(20));
        });
        assertTrue(fx(note::isVisible));
        assertEquals("Measured at 4 workers × 20: 8/10 solved within 400k, median 162k", fx(note::getText));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, fx(workers::getWidth), 0.5, "the note leaves the sliders' width");
        assertEquals(lrWidth, fx(() -> robot.lookup("#learning-rate-slider").query().getBoundsInParent().getWidth()), 0.5);
        Bounds b = fx(() -> note.localToScene(note.getLayoutBounds()));
        assertTrue(b.getMaxX() <= 400.5 && b.getHeight() >= fx(() -> note.getFont().getSize()),
                "inside the column and not collapsed: " + b);
        // the whole text shows, wrapped: nothing cut to "…"
        assertEquals(fx(note::getText), fx(() -> ((javafx.scene.text.Text) note.lookup(".text")).getText()));

        robot.interact(() -> model.set(HyperparameterField.LEARNING_RATE, 1e-3));
        assertTrue(fx(note::getText).startsWith("Not measured") || fx(note::getText).startsWith("Measured with auto α only"));
        robot.interact(() -> {
            model.defaults();
        });
        assertFalse(fx(note::isVisible), "back at the defaults the note goes");
    }
}
