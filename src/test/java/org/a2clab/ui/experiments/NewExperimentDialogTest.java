package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The New experiment… dialog as a user fills it in: a bad value keeps it open with the reason; good ones start. */
@ExtendWith(ApplicationExtension.class)
class NewExperimentDialogTest {
    private NewExperimentDialog dialog;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 600, 500));
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBadValueIsExplainedAndGoodOnesMakeThePlan(FxRobot robot) throws Exception {
        Hyperparameters base = Hyperparameters.DEFAULTS.withSeed(7);
        fx(() -> {
            dialog = new NewExperimentDialog(base, 2);
            dialog.initOwner(owner);
            dialog.show();
            return null;
        });
        @SuppressWarnings("unchecked")
        ChoiceBox<HyperparameterSpec> vary = robot.lookup("#experiment-vary").queryAs(ChoiceBox.class);
        fx(() -> {
            vary.setValue(HyperparameterSpec.LEARNING_RATE);
            return null;
        });
        robot.clickOn("#experiment-values").write("1e-3, fast");
        robot.doubleClickOn("#experiment-seeds").write("3");
        robot.clickOn((javafx.scene.Node) fx(() -> dialog.getDialogPane().lookupButton(ButtonType.OK)));
        assertTrue(fx(() -> dialog.isShowing()), "the dialog stays open");
        assertEquals("learning rate α: 'fast' is not a number", fx(() -> robot.lookup("#experiment-problem").queryAs(Label.class).getText()));

        fx(() -> {
            robot.lookup("#experiment-values").queryAs(TextField.class).setText("1e-3, 3e-3");
            robot.lookup("#experiment-budget").queryAs(TextField.class).setText("50,000");
            return null;
        });
        robot.clickOn((javafx.scene.Node) fx(() -> dialog.getDialogPane().lookupButton(ButtonType.OK)));
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentPlan plan = fx(() -> dialog.getResult());
        assertEquals(HyperparameterSpec.LEARNING_RATE, plan.vary());
        assertEquals(List.of(1e-3, 3e-3), plan.values());
        assertArrayEquals(new long[] {7, 8, 9}, plan.seeds(), "a count of seeds starts at the sliders' seed");
        assertEquals(50_000, plan.rule().maxSteps());
        assertEquals(2, plan.parallel(), "runs at once: the cores");
        assertEquals(base, plan.base());
        assertEquals(6, plan.runCount());
    }

    /** Issue 20, point 7: the dialog names settings as the sliders do; the CLI's name is in the tooltip. */
    @Test
    void theVaryChoiceSpeaksTheSlidersNames(FxRobot robot) throws Exception {
        fx(() -> {
            dialog = new NewExperimentDialog(Hyperparameters.DEFAULTS, 2);
            dialog.initOwner(owner);
            dialog.show();
            return null;
        });
        @SuppressWarnings("unchecked")
        ChoiceBox<HyperparameterSpec> vary = robot.lookup("#experiment-vary").queryAs(ChoiceBox.class);
        assertEquals("workers", fx(() -> vary.getConverter().toString(HyperparameterSpec.NUM_ENVS)));
        assertEquals("n-step n", fx(() -> vary.getConverter().toString(HyperparameterSpec.N_STEPS)));
        assertEquals("learning rate α", fx(() -> vary.getConverter().toString(HyperparameterSpec.LEARNING_RATE)));
        assertEquals("α schedule", fx(() -> vary.getConverter().toString(HyperparameterSpec.LR_SCHEDULE)));
        fx(() -> {
            vary.setValue(HyperparameterSpec.LEARNING_RATE);
            return null;
        });
        String tip = fx(() -> vary.getTooltip().getText());
        assertTrue(tip.startsWith("learning rate α: ") && tip.contains("sweep --vary lr="), tip);
    }
}
