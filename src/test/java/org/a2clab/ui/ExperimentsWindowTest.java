package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.cli.Cli;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.experiment.RunFolder;
import org.a2clab.experiment.RunState;
import org.a2clab.experiment.Workspace;
import org.a2clab.stats.SeedStatistics;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.ui.charts.LinePlot;
import org.a2clab.ui.experiments.ExperimentPrompts;
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
 * The Experiments tab as a user works it, on Monocle, with real tiny runs: an experiment of 2
 * values × 2 seeds, grouping, the comparison table against the runs' own result.json, delete,
 * the runs found again by a fresh view, a {@code sweep --out} folder opened, and a run deleted
 * while it trains.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsWindowTest {
    private static final Hyperparameters TINY = Hyperparameters.DEFAULTS.withNumEnvs(4).withHiddenSize(16)
            .withDevice(DeviceChoice.CPU);

    @TempDir
    static Path shared;

    private final TrackingSessions tracking = new TrackingSessions();
    private final Scripted asked = new Scripted();
    private ExecutorService control;
    private MainWindow window;
    private Path workspace;

    /** The user at the Experiments tab's dialogs. */
    static final class Scripted implements ExperimentPrompts {
        final AtomicReference<ExperimentPlan> plan = new AtomicReference<>();
        final AtomicReference<Path> folder = new AtomicReference<>();
        final AtomicReference<Path> save = new AtomicReference<>();
        final List<String> questions = new CopyOnWriteArrayList<>();

        @Override
        public Optional<ExperimentPlan> newExperiment(Hyperparameters base) {
            return Optional.ofNullable(plan.get());
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path current) {
            return Optional.ofNullable(folder.get());
        }

        @Override
        public Optional<Path> saveFile(String title, String suggestedName) {
            return Optional.ofNullable(save.get());
        }

        @Override
        public Optional<String> rename(String current) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String question) {
            questions.add(question);
            return true;
        }
    }

    @Start
    void start(Stage stage) throws IOException {
        control = Executors.newSingleThreadExecutor();
        workspace = Files.createTempDirectory(shared, "ws");
        window = TestWindow.show(stage, new MainWindow(tracking, control, null, asked, workspace), 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void theTestsWorkspaceIsSetBySystemPropertyNeverTheRealHome() {
        Path set = MainWindow.defaultRunsFolder();
        assertEquals(Path.of(System.getProperty("a2clab.workspace")), set);
        assertFalse(set.startsWith(Path.of(System.getProperty("user.home"), ".a2c-lab")));
    }

    private ExperimentsViewModel model() {
        return window.experimentsModel();
    }

    private static boolean allFinished(ExperimentsViewModel m, int n) {
        return m.rows().size() == n && m.rows().stream().allMatch(r -> r.stateProperty().get() == RunState.FINISHED);
    }

    @Test
    void anExperimentOfTwoValuesTimesTwoSeedsIsListedGroupedAndComparedWithItsOwnResults(FxRobot robot) throws Exception {
        // a target of 15 is met once 100 episodes are done (a barely trained policy lasts ≈ 20 steps):
        // every run solves, at its own step, so the table's statistics are real numbers
        asked.plan.set(new ExperimentPlan(TINY, HyperparameterSpec.LEARNING_RATE, List.of(1e-3, 3e-3), new long[] {1, 2},
                new StopRule(6000, 15), 600, 1, 2));
        robot.clickOn("Experiments");
        robot.clickOn("#new-experiment");
        waitUntil(() -> allFinished(model(), 4));
        assertFalse(fx(() -> model().runningProperty().get()));

        robot.clickOn("#group-by-settings");
        LinePlot returns = fx(() -> (LinePlot) window.root().lookup("#overlay-returns"));
        waitUntil(() -> returns.bands().size() == 2);
        assertEquals(2, fx(() -> returns.traces().stream().filter(t -> !t.name().isEmpty()).count()),
                "one median line per value");
        assertEquals(6, fx(() -> returns.traces().size()), "and a thin line per seed");

        @SuppressWarnings("unchecked")
        TableView<Comparison.Group> table = fx(() -> (TableView<Comparison.Group>) window.root().lookup("#comparison-table"));
        waitUntil(() -> table.getItems().size() == 2);
        for (int i = 0; i < 2; i++) {
            int row = i;
            Comparison.Group g = fx(() -> table.getItems().get(row));
            // the group's own result.json files, read here without the app's code
            List<JsonObject> results = new ArrayList<>();
            for (var run : g.runs()) {
                results.add(JsonParser.parseString(Files.readString(run.dir().resolve(RunFolder.RESULT))).getAsJsonObject());
            }
            assertEquals(2, results.size());
            double lr = results.get(0).getAsJsonObject("hyperparameters").get("lr").getAsDouble();
            assertEquals(i == 0 ? 1e-3 : 3e-3, lr);
            double[] steps = new double[2];
            int solved = 0;
            for (int k = 0; k < 2; k++) {
                boolean s = results.get(k).get("solved").getAsBoolean();
                solved += s ? 1 : 0;
                steps[k] = SeedStatistics.stepsToTarget(s, results.get(k).get("env_steps").getAsLong());
                assertEquals(lr, results.get(k).getAsJsonObject("hyperparameters").get("lr").getAsDouble());
            }
            assertEquals(2, solved, "both seeds reach the low target");
            assertEquals("100%", cell(table, "solved", row));
            double median = SeedStatistics.median(steps);
            assertTrue(median >= 1_000 && median < 6_000, "100 episodes take a few thousand steps: " + median);
            String shown = cell(table, "median steps to target [95% CI]", row);
            assertTrue(shown.startsWith(String.format(Locale.ROOT, "%,.0f", median)), shown);
            assertEquals(i == 0 ? "1e-3" : "3e-3", cell(table, "α", row));
            assertEquals("2/2", cell(table, "seeds", row));
        }

        // Export CSV, Export PNG, Export model, Open best in Inspector
        Path csv = shared.resolve("comparison-" + System.nanoTime() + ".csv");
        asked.save.set(csv);
        robot.clickOn("#export-csv");
        waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("lr,seeds,finished,solved_fraction"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1e-3,1 2,2,"), lines.get(1));
        Path png = shared.resolve("charts-" + System.nanoTime() + ".png");
        asked.save.set(png);
        robot.clickOn("#export-png");
        waitUntil(() -> Files.exists(png));
        assertEquals(2, javax.imageio.ImageIO.read(png.toFile()).getHeight() > 100 ? 2 : 0, "a picture of the charts");
        fx(() -> {
            ((TableView<?>) window.root().lookup("#runs-table")).getSelectionModel().select(1);
            return null;
        });
        Path zip = shared.resolve("run-" + System.nanoTime() + ".zip");
        asked.save.set(zip);
        robot.clickOn("#export-run");
        waitUntil(() -> Files.exists(zip));
        assertTrue(Files.size(zip) > 1000);
        Path best = fx(() -> model().rows().get(1).record().bestModel());
        assertTrue(Files.isDirectory(best), "the run kept its best model");
        robot.clickOn("#open-best");
        waitUntil(() -> window.modelFiles().noticeProperty().get() != null);
        String opened = fx(() -> window.modelFiles().noticeProperty().get().text());
        assertTrue(opened.startsWith("best: hidden size 16"), opened);
        waitUntil(() -> robot.lookup("#model-notice").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#model-notice").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK));
        assertEquals("inspector-tab", fx(() -> ((javafx.scene.control.TabPane) window.root().lookup(".tab-pane"))
                .getSelectionModel().getSelectedItem().getId()));
        robot.clickOn("Experiments");
        // the opened model trains on as a run of its own (paused for now), kept like any other
        waitUntil(() -> model().rows().size() == 5);
        assertTrue(fx(() -> model().rows().get(4).id()).contains(" train/seed-"));
        waitUntil(() -> "paused".equals(model().rows().get(4).stateTextProperty().get()));

        // delete a run (the user confirms)
        RunRow first = fx(() -> model().rows().get(0));
        Path firstDir = first.record().dir();
        fx(() -> {
            TableView<?> runs = (TableView<?>) window.root().lookup("#runs-table");
            runs.getSelectionModel().clearAndSelect(0); // as a click does: several may be selected
            return null;
        });
        robot.clickOn("#delete-run");
        waitUntil(() -> model().rows().size() == 4);
        assertFalse(Files.exists(firstDir));
        assertTrue(asked.questions.get(0).startsWith("Delete \""), asked.questions.get(0));

        // a fresh view on the same workspace finds the four runs again
        List<String> ids = fx(() -> model().rows().stream().map(RunRow::id).sorted().toList());
        ExperimentsViewModel again = fx(() -> new ExperimentsViewModel(Runnable::run, Platform::runLater));
        fx(() -> {
            again.open(workspace);
            return null;
        });
        waitUntil(() -> again.rows().size() == 4);
        assertEquals(ids, fx(() -> again.rows().stream().map(RunRow::id).sorted().toList()));
        assertEquals(3, fx(() -> again.rows().stream().filter(r -> r.stateProperty().get() == RunState.FINISHED).count()));
    }

    @Test
    void aSweepOutFolderOpensInTheTab(FxRobot robot) throws Exception {
        Path sweep = shared.resolve("sweep-" + System.nanoTime());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"sweep", "--vary", "lr=0.001,0.003", "--seed-list", "1,2", "--parallel", "2",
            "--max-steps", "800", "--envs", "4", "--hidden", "16", "--device", "cpu", "--out", sweep.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        asked.folder.set(sweep);
        robot.clickOn("Experiments");
        robot.clickOn("#open-runs-folder");
        waitUntil(() -> allFinished(model(), 4));
        assertEquals(new Workspace(sweep).root(), fx(() -> model().folderProperty().get()));
        assertEquals(List.of("lr=0.001/seed-1", "lr=0.001/seed-2", "lr=0.003/seed-1", "lr=0.003/seed-2"),
                fx(() -> model().rows().stream().map(RunRow::id).toList()));
        waitUntil(() -> model().comparison().size() == 2);
    }

    @Test
    void deletingATrainingRunStopsItFirstAndClosingKeepsTheOtherAsStopped(FxRobot robot) throws Exception {
        asked.plan.set(new ExperimentPlan(TINY, null, List.of(), new long[] {7, 8}, new StopRule(5_000_000, 475), 0, 1, 2));
        robot.clickOn("Experiments");
        robot.clickOn("#new-experiment");
        waitUntil(() -> model().rows().size() == 2 && model().rows().stream().allMatch(r -> r.stepsProperty().get() > 0));
        waitUntil(() -> model().overallProgressProperty().get() > 0
                && model().rows().stream().allMatch(r -> r.progressProperty().get() > 0));
        RunRow doomed = fx(() -> model().rows().get(0));
        RunRow other = fx(() -> model().rows().get(1));
        assertTrue(fx(() -> model().isTraining(doomed)));
        fx(() -> {
            ((TableView<?>) window.root().lookup("#runs-table")).getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#delete-run");
        assertTrue(asked.questions.get(0).contains("is training. Stop it"), asked.questions.get(0));
        waitUntil(() -> model().rows().size() == 1);
        assertFalse(Files.exists(doomed.record().dir()));
        assertTrue(fx(() -> model().runningProperty().get()), "the other run trains on");

        // closing the app mid-experiment: the run still training is kept, as stopped, with its curves
        fx(() -> {
            window.shutdown();
            return null;
        });
        var record = new Workspace(workspace).read(other.record().dir());
        assertEquals(RunState.STOPPED, record.state());
        assertTrue(record.curves().envSteps() > 0);
    }

    @Test
    void everyTrainingTabRunIsKeptAsARunOfTheWorkspace(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> model().rows().size() == 1 && model().rows().get(0).stepsProperty().get() > 0);
        RunRow first = fx(() -> model().rows().get(0));
        assertEquals("running", fx(() -> first.stateTextProperty().get()));
        assertTrue(first.id().endsWith(" train/seed-1"), first.id());

        robot.clickOn("#retrain-button");
        waitUntil(() -> model().rows().size() == 2 && first.stateProperty().get() == RunState.FINISHED);
        Path dir = first.record().dir();
        JsonObject result = JsonParser.parseString(Files.readString(dir.resolve(RunFolder.RESULT))).getAsJsonObject();
        assertEquals(4, result.getAsJsonObject("hyperparameters").get("envs").getAsInt(), "the window's small run");
        assertTrue(result.get("env_steps").getAsLong() > 0);
        assertTrue(Files.readString(dir.resolve(RunFolder.METRICS)).contains("\"type\":\"update\""));

        // the retrained run is kept too, as stopped or finished, when the window closes
        RunRow second = fx(() -> model().rows().get(1));
        fx(() -> {
            window.shutdown();
            return null;
        });
        var record = new Workspace(workspace).read(second.record().dir());
        assertTrue(record.state() == RunState.FINISHED || record.state() == RunState.STOPPED, record.state().label());
    }

    private static String checkpointKind(Path bundle) throws IOException {
        return JsonParser.parseString(Files.readString(bundle.resolve("manifest.json"))).getAsJsonObject()
                .getAsJsonObject("checkpoint").get("kind").getAsString();
    }

    @Test
    void aTrainingTabRunKeepsItsFinalAndBestModelsWhichOpenInTheInspector(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        // the first greedy evaluation (after 20,000 env steps) gives the run a best network
        waitUntil(() -> model().rows().size() == 1 && model().rows().get(0).curves().evaluations().size() > 0);
        RunRow first = fx(() -> model().rows().get(0));
        assertFalse(Files.exists(first.record().finalModel()), "no model before the run is stopped or replaced");

        // Retrain replaces the session: its networks are saved before it is stopped
        robot.clickOn("#retrain-button");
        waitUntil(() -> Files.isRegularFile(first.record().bestModel().resolve("manifest.json"))
                && Files.isRegularFile(first.record().finalModel().resolve("manifest.json")));
        assertEquals("final", checkpointKind(first.record().finalModel()));
        assertEquals("best", checkpointKind(first.record().bestModel()));
        assertEquals(first.record().dir().resolve(RunFolder.MODEL), first.record().finalModel());

        // Stop: the second run's curves and models are written at once, the session kept
        waitUntil(() -> model().rows().size() == 2 && model().rows().get(1).stepsProperty().get() > 0);
        RunRow second = fx(() -> model().rows().get(1));
        robot.clickOn("#stop-button");
        waitUntil(() -> Files.isRegularFile(second.record().finalModel().resolve("manifest.json"))
                && Files.isRegularFile(second.record().dir().resolve(RunFolder.METRICS)));
        assertTrue(Files.readString(second.record().dir().resolve(RunFolder.METRICS)).contains("\"type\":\"update\""));
        assertEquals(RunState.STOPPED, new Workspace(workspace).read(second.record().dir()).state(),
                "a killed app now would leave it as stopped");

        // Open best of the first run: the Inspector shows it
        robot.clickOn("Experiments");
        fx(() -> {
            ((TableView<?>) window.root().lookup("#runs-table")).getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#open-best");
        waitUntil(() -> window.modelFiles().noticeProperty().get() != null);
        String opened = fx(() -> window.modelFiles().noticeProperty().get().text());
        assertTrue(opened.startsWith("best: hidden size"), opened);
        waitUntil(() -> robot.lookup("#model-notice").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#model-notice").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.OK));
        assertEquals("inspector-tab", fx(() -> ((javafx.scene.control.TabPane) window.root().lookup(".tab-pane"))
                .getSelectionModel().getSelectedItem().getId()));
    }

    private static String cell(TableView<Comparison.Group> table, String column, int row) {
        return fx(() -> {
            for (TableColumn<Comparison.Group, ?> c : table.getColumns()) {
                if (c.getText().equals(column)) {
                    return String.valueOf(c.getCellData(row));
                }
            }
            throw new AssertionError("no column " + column);
        });
    }
}
