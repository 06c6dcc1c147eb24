package org.a2clab.ui;

import static org.a2clab.ui.FileMenu.awaitNotice;
import static org.a2clab.ui.FileMenu.choose;
import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.export.ModelBundle;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.ui.export.Notice;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.training.TrainingHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Export model, Open model, Evaluate and the Inspector tab as a user reaches them, on Monocle
 * with real small sessions (4 workers × 5 steps). The file choosers are replaced by prompts
 * that answer with paths in a temporary directory.
 */
@ExtendWith(ApplicationExtension.class)
class ModelFilesWindowTest {
    private static final float[][] OBSERVATIONS = {
        {0, 0, 0, 0}, {0.1f, -0.3f, 0.05f, 0.4f}, {-1.2f, 0.8f, -0.15f, -1.1f}, {2f, 1.5f, 0.2f, 2f}};

    @TempDir
    Path tmp;

    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final AtomicReference<Path> answer = prompts.path;
    /** The questions the window asked. */
    private final List<String> asked = prompts.confirmHeaders;
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = TestWindow.show(stage, new MainWindow(tracking, control, prompts), 1260, 780);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void exportWritesTheBundleAndOpeningItRestoresSettingsAndNetwork(FxRobot robot) throws Exception {
        trainBrieflyAndPause(robot);
        Hyperparameters trained = fx(() -> window.hyperparametersModel().settings());
        PolicyBatch before = policy();

        Path bundle = tmp.resolve("bundle");
        answer.set(bundle);
        choose(robot, "Export model…");
        Notice exported = awaitNotice(robot, window);
        assertEquals(Notice.Kind.INFO, exported.kind(), exported.text());
        for (String file : List.of(ModelBundle.MANIFEST_FILE, ModelBundle.SAFETENSORS_FILE, ModelBundle.PARAMS_FILE,
                "metrics.csv", "episodes.csv")) {
            assertTrue(Files.isRegularFile(bundle.resolve(file)), file);
            assertTrue(exported.text().contains(file), "the confirmation names " + file);
        }
        try (Stream<Path> files = Files.list(bundle)) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".png")), "chart images");
        }
        assertTrue(Files.readAllLines(bundle.resolve("metrics.csv")).size() > 10, "one row per update");

        Path zip = tmp.resolve("bundle.zip");
        answer.set(zip);
        choose(robot, "Export as .zip…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertTrue(Files.size(zip) > 0);

        // Different settings and a retrained network: opening must bring both back.
        robot.interact(() -> window.hyperparametersModel().set(HyperparameterField.N_STEPS, 16));
        robot.interact(() -> window.hyperparametersModel().set(HyperparameterField.LEARNING_RATE, 1e-4));
        robot.clickOn("#retrain-button");
        waitUntil(() -> sessions.size() == 2 && window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        assertNotEquals(before.values()[0], policy().values()[0]);

        answer.set(bundle);
        choose(robot, "Open model folder…");
        Notice opened = awaitNotice(robot, window);
        assertEquals(Notice.Kind.INFO, opened.kind(), opened.text());
        assertEquals(3, sessions.size());
        assertEquals(SessionState.PAUSED, fx(() -> window.trainingModel().stateProperty().get()));
        assertEquals(trained, fx(() -> window.hyperparametersModel().settings()));
        assertEquals("5", fx(() -> robot.lookup("#n-steps-value").queryAs(Label.class).getText()));
        assertEquals(trained.nSteps(), sessions.get(2).hyperparameters().nSteps());
        PolicyBatch after = policy();
        assertArrayEquals(before.actor(), after.actor(), 1e-6f);
        assertArrayEquals(before.values(), after.values(), 1e-6f);

        choose(robot, "Evaluate greedy (argmax π, 20 episodes)");
        Notice evaluated = awaitNotice(robot, window);
        assertEquals("Evaluation (greedy)", evaluated.title());
        assertTrue(fx(() -> window.modelFiles().evaluationProperty().get().greedy()));
        assertEquals(20, fx(() -> window.modelFiles().evaluationProperty().get().episodes()));
    }

    @Test
    void exportAsOnnxWritesTheNetworkOnnxRuntimeRunsAndAsksBeforeReplacing(FxRobot robot) throws Exception {
        trainBrieflyAndPause(robot);
        PolicyBatch expected = policy();
        Path onnx = tmp.resolve("net.onnx");
        answer.set(onnx);
        choose(robot, "Export as ONNX…");
        Notice written = awaitNotice(robot, window);
        assertEquals(Notice.Kind.INFO, written.kind(), written.text());
        assertTrue(written.text().contains(onnx.toAbsolutePath().toString()), written.text());
        assertTrue(asked.isEmpty(), "a new file needs no question");
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        try (OrtSession s = ort.createSession(onnx.toString(), new OrtSession.SessionOptions());
                OnnxTensor in = OnnxTensor.createTensor(ort, OBSERVATIONS);
                OrtSession.Result r = s.run(Map.of("obs", in))) {
            float[][] probs = (float[][]) r.get("probs").orElseThrow().getValue();
            float[][] values = (float[][]) r.get("value").orElseThrow().getValue();
            for (int i = 0; i < OBSERVATIONS.length; i++) {
                assertEquals(expected.probRight(i), probs[i][1], 1e-5, "π(right) of observation " + i);
                assertEquals(expected.values()[i], values[i][0], 1e-4, "V of observation " + i);
            }
        }

        byte[] exported = Files.readAllBytes(onnx);
        Files.writeString(onnx, "an older file");
        prompts.confirm.set(false);
        choose(robot, "Export as ONNX…");
        waitUntil(() -> asked.size() == 1);
        assertEquals("Replace net.onnx?", asked.get(0));
        assertEquals("an older file", Files.readString(onnx), "declined: the file stays as it was");
        prompts.confirm.set(true);
        choose(robot, "Export as ONNX…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertEquals(2, asked.size());
        assertArrayEquals(exported, Files.readAllBytes(onnx), "the same paused network, the same file");

        Path occupied = Files.createDirectory(tmp.resolve("folder.onnx"));
        answer.set(occupied);
        choose(robot, "Export as ONNX…");
        Notice refused = awaitNotice(robot, window);
        assertEquals(Notice.Kind.ERROR, refused.kind());
        assertTrue(refused.text().contains("is a directory"), refused.text());
        try (Stream<Path> files = Files.list(occupied)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aBrokenBundleShowsAnErrorAndKeepsTheCurrentModel(FxRobot robot) throws Exception {
        trainBrieflyAndPause(robot);
        Hyperparameters settings = fx(() -> window.hyperparametersModel().settings());
        PolicyBatch before = policy();
        Path broken = Files.createDirectory(tmp.resolve("broken"));
        Files.writeString(broken.resolve(ModelBundle.MANIFEST_FILE), "{\"format_version\": 1");
        Files.write(broken.resolve(ModelBundle.SAFETENSORS_FILE), new byte[] {9, 9, 9});
        Files.write(broken.resolve(ModelBundle.PARAMS_FILE), new byte[] {1});

        answer.set(broken);
        choose(robot, "Open model folder…");
        // the dialog opens once the check has failed: wait for it before looking it up
        waitUntil(() -> window.modelFiles().noticeProperty().get() != null
                && robot.lookup("#model-error").tryQuery().isPresent());
        DialogPane error = robot.lookup("#model-error").queryAs(DialogPane.class);
        assertTrue(fx(error::getContentText).contains(ModelBundle.MANIFEST_FILE), fx(error::getContentText));
        robot.clickOn(error.lookupButton(ButtonType.OK));

        assertEquals(1, sessions.size(), "no new session");
        assertEquals(SessionState.PAUSED, fx(() -> window.trainingModel().stateProperty().get()));
        assertEquals(settings, fx(() -> window.hyperparametersModel().settings()));
        PolicyBatch after = policy();
        assertArrayEquals(before.actor(), after.actor());
        assertArrayEquals(before.values(), after.values());
    }

    @Test
    void theInspectorTabRecordsEpisodesOfTheRunningSession(FxRobot robot) {
        robot.clickOn("Inspector");
        Node inspector = robot.lookup(".inspector").query();
        assertTrue(fx(inspector::isVisible));
        robot.clickOn("Training");
        robot.clickOn("#primary-button");
        waitUntil(() -> !window.inspectorModel().episodes().isEmpty());
        assertEquals(EpisodeKind.TRAINING, fx(() -> window.inspectorModel().episodes().get(0).kind()));

        robot.clickOn("Inspector");
        waitUntil(() -> window.inspectorModel().heatmaps().heatmapProperty().get() != null);
        assertTrue(fx(() -> window.inspectorModel().selectedEpisodeProperty().get() != null));
    }

    private void trainBrieflyAndPause(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000);
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        assertFalse(fx(() -> window.modelFiles().busyProperty().get()));
    }

    /** Opens the File menu and picks an item, as a user does. */

    /** Waits for the outcome dialog, closes it and returns what it said. */

    /** π and V of the current network on a few observations, computed on its training thread. */
    private PolicyBatch policy() throws Exception {
        return window.trainingModel().currentRun().submit(view -> view.network().evaluate(OBSERVATIONS)).get(20, TimeUnit.SECONDS);
    }
}
