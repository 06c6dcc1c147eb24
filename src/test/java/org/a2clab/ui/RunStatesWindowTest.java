package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.Workspace;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;
import org.a2clab.ui.experiments.RunRow;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 21: the Training tab's run has one state, the same in the status bar, the runs list and
 * its run.json at every step; and a quickly repeated Retrain never loses the model of a run that
 * trained.
 */
@ExtendWith(ApplicationExtension.class)
class RunStatesWindowTest {
    @TempDir
    static Path shared;

    private final TrackingSessions tracking = new TrackingSessions();
    private ExecutorService control;
    private MainWindow window;
    private Path workspace;

    @Start
    void start(Stage stage) throws IOException {
        control = Executors.newSingleThreadExecutor();
        workspace = Files.createTempDirectory(shared, "ws");
        window = TestWindow.show(stage, new MainWindow(tracking, control, null, null, workspace), 1260, 780);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(window, control);
    }

    private List<RunRow> rows() {
        return fx(() -> List.copyOf(window.experimentsModel().rows()));
    }

    private RunState onDisk(RunRow run) {
        return new Workspace(workspace).read(run.record().dir()).state();
    }

    /** The status bar ends with the state's word, the list says it, and run.json holds it. */
    private boolean agree(RunRow run, RunState state) {
        String word = state.label();
        String bar = fx(() -> ((StatusBar) window.root().lookup("#status-bar")).getText());
        return bar.endsWith(" · " + Character.toUpperCase(word.charAt(0)) + word.substring(1))
                && word.equals(fx(() -> run.stateTextProperty().get())) && onDisk(run) == state;
    }

    @Test
    void runningPausedRunningStoppedAndFinishedReadTheSameInTheStatusBarTheRunsListAndRunJson(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.experimentsModel().rows().size() == 1
                && window.experimentsModel().rows().get(0).stepsProperty().get() > 0);
        RunRow run = rows().get(0);
        waitUntil(() -> agree(run, RunState.RUNNING));

        robot.clickOn("#primary-button"); // Pause
        waitUntil(() -> agree(run, RunState.PAUSED));
        robot.clickOn("#primary-button"); // Resume
        waitUntil(() -> agree(run, RunState.RUNNING));
        robot.clickOn("#stop-button");
        waitUntil(() -> agree(run, RunState.STOPPED));

        // Retrain: the stopped run ends as finished in the list and its folder; the new run is running everywhere
        robot.clickOn("#retrain-button");
        waitUntil(() -> window.experimentsModel().rows().size() == 2);
        RunRow next = rows().get(1);
        waitUntil(() -> "finished".equals(run.stateTextProperty().get()) && onDisk(run) == RunState.FINISHED);
        waitUntil(() -> agree(next, RunState.RUNNING));
    }

    /**
     * Ten times: a run trains, then two Retrains as fast as the test can (the second interrupts
     * the control thread while it waits for the first run's save), and the window closes right
     * after the last (the control thread may still be saving). Every run folder with updates has a
     * model that loads, and none is left running.
     */
    @Test
    void twentyQuickRetrainsLoseNoModelOfARunThatTrained() throws Exception {
        fx(() -> {
            // updates of ≈ 20 ms: the save job waits that long for its turn, so the second Retrain
            // comes while the control thread waits for it (the window in which a model was lost)
            window.hyperparametersModel().set(HyperparameterField.N_STEPS, 128);
            window.hyperparametersModel().set(HyperparameterField.NUM_ENVS, 64);
            window.hyperparametersModel().set(HyperparameterField.HIDDEN_SIZE, 256);
            window.trainingModel().train();
            return null;
        });
        for (int i = 0; i < 10; i++) {
            int listed = 1 + 2 * i;
            waitUntil(() -> window.experimentsModel().rows().size() == listed
                    && window.experimentsModel().rows().get(listed - 1).stepsProperty().get() > 0);
            fx(() -> {
                window.trainingModel().retrain();
                return null;
            });
            fx(() -> {
                window.trainingModel().retrain();
                return null;
            });
        }
        fx(() -> {
            window.shutdown();
            return null;
        });

        List<RunRecord> runs = new Workspace(workspace).scan();
        assertEquals(21, runs.size());
        List<String> trained = new ArrayList<>();
        for (RunRecord r : runs) {
            assertFalse(r.state().live() || r.state() == RunState.CUT_OFF, r.id() + " is " + r.state().label());
            if (r.curves().envSteps() > 0) {
                trained.add(r.id());
                assertTrue(Files.isRegularFile(r.finalModel().resolve(ModelBundle.MANIFEST_FILE)), r.id()
                        + " has no model; the list's message: " + fx(() -> window.experimentsModel().messageProperty().get()));
                try (LoadedModel m = ModelBundle.load(r.finalModel(), DeviceChoice.CPU)) {
                    assertEquals(r.hp(), m.manifest().training().hp(), r.id());
                }
            }
        }
        assertTrue(trained.size() >= 10, "each of the ten waited-for runs trained: " + trained);
    }
}
