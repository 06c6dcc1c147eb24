package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.training.TrainingHandle;
import org.a2clab.ui.training.TrainingObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a user does in the trainer window, on Monocle, with real (small) training sessions:
 * 4 workers × 5 steps, so every run is fast and each test stops its session afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class TrainerWindowTest {

    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private final AtomicReference<UpdateStats> lastUpdate = new AtomicReference<>();
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = new MainWindow(tracking, control);
        window.trainingModel().addObserver(new TrainingObserver() {
            @Override
            public void reset() {
                lastUpdate.set(null);
            }

            @Override
            public void onUpdates(List<UpdateStats> updates) {
                lastUpdate.set(updates.get(updates.size() - 1));
            }
        });
        // Fits Monocle's default 1280×800 headless screen.
        TestWindow.show(stage, window, 1260, 780);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void draggingTheNStepSliderChangesTheShownValueAndTheSettings(FxRobot robot) {
        Slider slider = robot.lookup("#n-steps-slider").queryAs(Slider.class);
        Label value = robot.lookup("#n-steps-value").queryAs(Label.class);
        assertEquals("5", fx(value::getText));

        robot.drag(slider.lookup(".thumb")).moveBy(60, 0).drop();

        int dragged = fx(() -> window.hyperparametersModel().settings().nSteps());
        assertTrue(dragged > 5, "dragging right raises n: " + dragged);
        assertEquals(Integer.toString(dragged), fx(value::getText));

        robot.interact(() -> slider.setValue(HyperparameterField.N_STEPS.toPosition(32)));
        assertEquals("32", fx(value::getText));
        assertEquals(32, fx(() -> window.hyperparametersModel().settings().nSteps()));
    }

    @Test
    void trainingFillsThePlotsAndAnimatesTheCartPoleUntilStopped(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.metrics().storedPoints() > 50 && window.framePlayer().framesShown() > 10
                && window.cartPoleView().paints() > 10 && window.charts().paintCount() > 10);

        assertEquals(SessionState.RUNNING, fx(() -> window.trainingModel().stateProperty().get()));
        assertTrue(fx(() -> window.status().envStepsProperty().get()) >= 20);
        assertEquals(20, fx(() -> firstX(window.metrics().valueMean)), "first update: 5 steps × 4 workers");
        assertEquals("Pause", fx(() -> robot.lookup("#primary-button").queryAs(Button.class).getText()));
        waitUntil(() -> window.trainingModel().deviceProperty().get().equals("CPU"));
        // the service's message arrives from its task a pulse later than the device
        waitUntil(() -> robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class).getText()
                .equals("CPU · Running"));

        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        assertEquals("Continue", fx(() -> robot.lookup("#primary-button").queryAs(Button.class).getText()),
                "the network is kept: training can go on");
    }

    @Test
    void pauseHoldsTrainingAndResumeContinuesIt(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 200);

        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        long pausedAt = fx(() -> window.status().envStepsProperty().get());
        // watched over 30 pulses (half a second or more), not over a few milliseconds
        long pulses = fx(window::pulses);
        waitUntil(() -> window.pulses() > pulses + 30);
        assertEquals(pausedAt, fx(() -> window.status().envStepsProperty().get()), "no steps while paused");
        assertEquals("Resume", fx(() -> robot.lookup("#primary-button").queryAs(Button.class).getText()));

        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > pausedAt + 200);
        assertEquals(1, sessions.size(), "resume continues the same session");
    }

    @Test
    void retrainClearsThePlotsAndStartsAFreshNetwork(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 20_000);
        float[][] trained = sessions.get(0).submit(view -> view.network().copyParameters()).get(10, TimeUnit.SECONDS);
        // run 2 at the smallest α barely moves from where it starts, so where it starts shows,
        // however many updates it has made by the time it is read
        Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);
        robot.interact(() -> lr.setValue(lr.getMin()));

        robot.clickOn("#retrain-button");
        waitUntil(() -> sessions.size() == 2);
        // run 2's weights and, built on its training thread, a network fresh from the same seed
        float[][][] now = sessions.get(1).submit(view -> {
            Hyperparameters hp = view.hyperparameters();
            try (ActorCritic fresh = new ActorCritic(hp.policy(), hp.hiddenSize(), hp.seed(), view.network().device(),
                    hp.initialLogStd())) {
                return new float[][][] {view.network().copyParameters(), fresh.copyParameters()};
            }
        }).get(10, TimeUnit.SECONDS);
        double toFresh = distance(now[0], now[1]);
        double toTrained = distance(now[0], trained);
        assertNotEquals(0, toTrained, "run 2's weights are not run 1's");
        // continuing run 1 would leave θ2 next to θ1 and as far from θ0 as run 1 had gone
        assertTrue(3 * toFresh < toTrained, "run 2 starts from a fresh network, not run 1's: ‖θ2 − θ0‖ "
                + toFresh + ", ‖θ2 − θ1‖ " + toTrained);
        waitUntil(() -> window.status().envStepsProperty().get() > 0);

        assertEquals(2, fx(() -> window.trainingModel().runNumberProperty().get()));
        assertEquals(20, fx(() -> firstX(window.metrics().valueMean)), "history restarts at the first update");
        double latest = fx(() -> window.metrics().latestSteps());
        assertTrue(latest <= fx(() -> window.status().envStepsProperty().get()), "no stale points from run 1");
        assertNotEquals(sessions.get(0), sessions.get(1));
    }

    /** The Euclidean distance between two networks' parameters. */
    private static double distance(float[][] a, float[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += (a[i][j] - b[i][j]) * (double) (a[i][j] - b[i][j]);
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void learningRateChangeReachesTheRunningSessionWithoutRestart(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        Slider lr = robot.lookup("#learning-rate-slider").queryAs(Slider.class);

        robot.interact(() -> lr.setValue(HyperparameterField.LEARNING_RATE.toPosition(1e-4)));

        assertEquals(1e-4, sessions.get(0).hyperparameters().learningRate(), 1e-12);
        waitUntil(() -> lastUpdate.get() != null && Math.abs(lastUpdate.get().learningRate() - 1e-4) < 1e-9);
        assertEquals(1, sessions.size(), "no restart");
        assertEquals(1, fx(() -> window.trainingModel().runNumberProperty().get()));
        assertEquals("1.00e-04", fx(() -> robot.lookup("#learning-rate-value").queryAs(Label.class).getText()));
        assertFalse(fx(() -> robot.lookup("#retrain-banner").query().isVisible()));
    }

    @Test
    void restartOnlyChangeIsFlaggedAndWaitsForRetrain(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        Slider nSteps = robot.lookup("#n-steps-slider").queryAs(Slider.class);
        double sliderWidth = fx(nSteps::getWidth);

        robot.interact(() -> nSteps.setValue(HyperparameterField.N_STEPS.toPosition(16)));
        assertEquals(sliderWidth, fx(nSteps::getWidth), 0.5, "the banner and a pending badge leave the sliders' width");

        Label banner = robot.lookup("#retrain-banner").queryAs(Label.class);
        Node badge = robot.lookup("#n-steps-badge").query();
        assertTrue(fx(banner::isVisible));
        assertEquals("Retrain to apply: n-step n", fx(banner::getText));
        assertTrue(fx(() -> badge.getPseudoClassStates().contains(PseudoClass.getPseudoClass("pending"))));
        assertFalse(fx(() -> robot.lookup("#learning-rate-badge").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("pending"))));
        assertEquals(5, sessions.get(0).hyperparameters().nSteps(), "the running session keeps n = 5");

        robot.clickOn("#retrain-button");
        waitUntil(() -> sessions.size() == 2);
        assertEquals(16, sessions.get(1).hyperparameters().nSteps());
        assertFalse(fx(banner::isVisible));
    }

    private static double firstX(org.a2clab.ui.charts.SeriesBuffer s) {
        List<Double> xs = new ArrayList<>();
        s.visit(0, Double.MAX_VALUE, (x, y) -> xs.add(x));
        return xs.isEmpty() ? Double.NaN : xs.get(0);
    }
}
