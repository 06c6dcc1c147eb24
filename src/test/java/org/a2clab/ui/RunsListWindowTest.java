package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.a2clab.experiment.RunFolders;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.Workspace;
import org.a2clab.train.Hyperparameters;
import org.a2clab.ui.experiments.ExperimentsViewModel;
import org.a2clab.ui.experiments.RunRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The runs list as a user works it: tick all, shift-click several, delete them with one question
 * (a folder A2C Lab did not write is kept and named), filter by text; two quick Retrains read apart;
 * Pause and Stop on the Training tab show in the list as in run.json.
 */
@ExtendWith(ApplicationExtension.class)
class RunsListWindowTest {
    @TempDir
    static Path shared;

    private final TrackingSessions tracking = new TrackingSessions();
    private final ExperimentsWindowTest.Scripted asked = new ExperimentsWindowTest.Scripted();
    private ExecutorService control;
    private MainWindow window;
    private Path workspace;

    @Start
    void start(Stage stage) throws IOException {
        control = Executors.newSingleThreadExecutor();
        workspace = Files.createTempDirectory(shared, "ws");
        for (int seed = 1; seed <= 3; seed++) {
            RunFolders.appRun(workspace.resolve("lr=0.001/seed-" + seed), Hyperparameters.DEFAULTS.withSeed(seed));
        }
        // a run folder holding a file A2C Lab never writes: the store refuses to delete it
        Path foreign = RunFolders.appRun(workspace.resolve("lr=0.001/seed-4"), Hyperparameters.DEFAULTS.withSeed(4));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        window = TestWindow.show(stage, new MainWindow(tracking, control, null, asked, workspace), 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(window, control);
    }

    private ExperimentsViewModel model() {
        return window.experimentsModel();
    }

    @SuppressWarnings("unchecked")
    private TableView<RunRow> table() {
        return fx(() -> (TableView<RunRow>) window.root().lookup("#runs-table"));
    }

    private Node tableRow(FxRobot robot, int index) {
        return robot.lookup("#runs-table .table-row-cell").nth(index).query();
    }

    @Test
    void tickAllShiftClickAndOneQuestionDeleteSeveralKeepingTheForeignFolderByName(FxRobot robot) throws IOException {
        robot.clickOn("Experiments");
        waitUntil(() -> model().rows().size() == 4);
        assertTrue(fx(() -> model().rows().stream().allMatch(r -> r.overlayProperty().get())), "few runs: all ticked");

        // the header box ticks every run shown, and unticks them
        robot.clickOn("#tick-all-runs");
        robot.clickOn("#tick-all-runs");
        assertTrue(fx(() -> model().rows().stream().noneMatch(r -> r.overlayProperty().get())));
        robot.clickOn("#tick-all-runs");
        assertTrue(fx(() -> model().rows().stream().allMatch(r -> r.overlayProperty().get())));

        robot.clickOn("#select-all-runs");
        assertEquals(4, fx(() -> table().getSelectionModel().getSelectedItems().size()));
        robot.clickOn("#runs-filter"); // away from the table, then a plain click selects one again
        robot.clickOn(tableRow(robot, 1));
        assertEquals(1, fx(() -> table().getSelectionModel().getSelectedItems().size()));

        // click the first row, shift-click the fourth: four selected
        robot.clickOn(tableRow(robot, 0));
        robot.press(KeyCode.SHIFT).clickOn(tableRow(robot, 3)).release(KeyCode.SHIFT);
        assertEquals(4, fx(() -> table().getSelectionModel().getSelectedItems().size()));
        RunRow foreign = fx(() -> model().rows().stream().filter(r -> r.id().endsWith("seed-4")).findFirst().orElseThrow());
        String foreignName = fx(() -> foreign.nameProperty().get());

        robot.clickOn("#delete-run");
        assertEquals(List.of("Delete 4 runs and their folders?"), asked.questions, "one question for all four");
        waitUntil(() -> model().rows().size() == 1);
        assertEquals(foreign, fx(() -> model().rows().get(0)));
        for (int seed = 1; seed <= 3; seed++) {
            assertFalse(Files.exists(workspace.resolve("lr=0.001/seed-" + seed)));
        }
        assertTrue(Files.exists(workspace.resolve("lr=0.001/seed-4/notes.txt")), "never deleted");
        String message = fx(() -> model().messageProperty().get());
        assertTrue(message.startsWith("Deleted 3 runs. Kept \"" + foreignName + "\" ("), message);
        assertTrue(message.contains("notes.txt"), message);
    }

    @Test
    void theFilterNarrowsTheListToTheRunsWhoseTextHoldsIt(FxRobot robot) {
        robot.clickOn("Experiments");
        waitUntil(() -> model().rows().size() == 4);
        robot.clickOn("#runs-filter").write("SEED 2");
        waitUntil(() -> table().getItems().size() == 1);
        assertTrue(fx(() -> table().getItems().get(0).id()).endsWith("seed-2"));
        fx(() -> {
            ((TextField) window.root().lookup("#runs-filter")).setText("finished");
            return null;
        });
        assertEquals(4, fx(() -> table().getItems().size()), "the state's text counts too");
        fx(() -> {
            ((TextField) window.root().lookup("#runs-filter")).setText("no such run");
            return null;
        });
        assertEquals(0, fx(() -> table().getItems().size()));
        assertEquals(4, fx(() -> model().rows().size()), "filtering hides, never removes");
    }

    private List<RunRow> trainingTabRows() {
        return fx(() -> model().rows().stream().filter(r -> r.id().contains(" train")).toList());
    }

    @Test
    void twoQuickRetrainsGiveRunsThatReadApart(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> trainingTabRows().size() == 1);
        robot.clickOn("#retrain-button");
        robot.clickOn("#retrain-button");
        waitUntil(() -> trainingTabRows().size() == 3);
        List<String> names = fx(() -> trainingTabRows().stream().map(r -> r.nameProperty().get()).toList());
        assertEquals(3, new HashSet<>(names).size(), names.toString());
        for (String name : names) {
            // what differs from the defaults (the small test run's 4 workers), the seed, the start time
            assertTrue(name.matches("4 workers · seed 1 · \\d\\d:\\d\\d:\\d\\d( \\(\\d+\\))?"), name);
        }
    }

    @Test
    void pauseAndStopOnTheTrainingTabShowInTheListAsInRunJson(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> trainingTabRows().size() == 1 && trainingTabRows().get(0).stepsProperty().get() > 0);
        RunRow run = trainingTabRows().get(0);
        assertEquals("running", fx(() -> run.stateTextProperty().get()));

        robot.clickOn("#primary-button"); // Pause
        waitUntil(() -> "paused".equals(run.stateTextProperty().get()));
        waitUntil(() -> onDisk(run) == RunState.PAUSED);

        robot.clickOn("#primary-button"); // Resume
        waitUntil(() -> "running".equals(run.stateTextProperty().get()));
        waitUntil(() -> onDisk(run) == RunState.RUNNING);

        robot.clickOn("#stop-button");
        waitUntil(() -> "stopped".equals(run.stateTextProperty().get()));
        waitUntil(() -> onDisk(run) == RunState.STOPPED);
        assertEquals(-1, fx(() -> run.progressProperty().get()), "no progress bar on a stopped run");
        assertEquals(RunState.STOPPED, fx(() -> run.stateProperty().get()));
    }

    private RunState onDisk(RunRow run) {
        return new Workspace(workspace).read(run.record().dir()).state();
    }
}
