package org.a2clab.ui;

import static org.a2clab.ui.FileMenu.awaitNotice;
import static org.a2clab.ui.FileMenu.choose;
import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.a2clab.export.ModelBundle;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingResult;
import org.a2clab.ui.export.Notice;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.inspector.SyntheticEpisodes;
import org.a2clab.ui.training.TrainingHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 15's defects as a newcomer meets them, one test each, on Monocle with real small sessions
 * (4 workers × 5 steps). Prompts answer with paths in a temporary directory and record every
 * question the app asks.
 */
@ExtendWith(ApplicationExtension.class)
class NewcomerWindowTest {
    @TempDir
    Path tmp;

    private final TrackingSessions tracking = new TrackingSessions();
    private final List<TrainingHandle> sessions = tracking.sessions();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final AtomicReference<Path> answer = prompts.path;
    private final AtomicBoolean confirmAnswer = prompts.confirm;
    private final List<String> questions = prompts.questions;
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        // the smallest window the app is made for
        window = TestWindow.show(stage, new MainWindow(tracking, control, prompts), 1024, 700);
        window.focusFirstControl();
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    /** Defect 1: Stop keeps the network for Export, Evaluate and the Inspector; Continue goes on. */
    @Test
    void stopKeepsTheNetworkForExportEvaluateAndTheInspectorAndContinueTrainsItFurther(FxRobot robot)
            throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000);
        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        assertEquals("Continue", fx(() -> robot.lookup("#primary-button").queryAs(Button.class).getText()));
        assertTrue(fx(() -> robot.lookup("#stop-button").queryAs(Button.class).getTooltip().getText())
                .contains("Keeps the network"));
        assertTrue(fx(() -> robot.lookup("#retrain-button").queryAs(Button.class).getTooltip().getText())
                .contains("discards the current network"));
        long stoppedAt = fx(() -> window.status().envStepsProperty().get());

        Path bundle = tmp.resolve("after-stop");
        answer.set(bundle);
        choose(robot, "Export model…");
        Notice exported = awaitNotice(robot, window);
        assertEquals(Notice.Kind.INFO, exported.kind(), exported.text());
        assertTrue(Files.isRegularFile(bundle.resolve(ModelBundle.MANIFEST_FILE)));

        choose(robot, "Evaluate greedy (argmax π, 20 episodes)");
        assertEquals("Evaluation (greedy)", awaitNotice(robot, window).title());

        robot.clickOn("Inspector");
        robot.clickOn("#recordGreedy");
        waitUntil(() -> window.inspectorModel().episodes().stream().anyMatch(e -> e.kind() == EpisodeKind.GREEDY));
        assertFalse(fx(() -> window.inspectorModel().statusProperty().get()).contains("failed"));
        assertEquals(stoppedAt, fx(() -> window.status().envStepsProperty().get()), "stopped: no training");

        robot.clickOn("Training");
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > stoppedAt + 200);
        assertEquals(1, sessions.size(), "Continue trains the same network, no new session");
        assertEquals(1, fx(() -> window.trainingModel().runNumberProperty().get()));
    }

    /** Defect 2: ← → Home End Space step frames in the Inspector whatever has focus, never switch tabs. */
    @Test
    void frameKeysStepTheInspectorWhateverHasFocusAndNeverSwitchTabs(FxRobot robot) {
        RecordedEpisode episode = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 40, 10);
        robot.interact(() -> window.inspectorModel().addEpisode(episode));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        robot.clickOn("Inspector"); // focus on the tab header: → used to open the next tab
        robot.type(KeyCode.RIGHT);
        assertEquals(1, frame());
        assertEquals("inspector-tab", fx(() -> tabs.getSelectionModel().getSelectedItem().getId()));

        robot.clickOn("#cartPole").type(KeyCode.RIGHT, 2);
        assertEquals(3, frame());
        robot.clickOn("#timeline"); // clicking seeks; keys go on from there
        int seeked = frame();
        robot.type(KeyCode.LEFT);
        assertEquals(Math.max(0, seeked - 1), frame());
        robot.clickOn("#scrub").type(KeyCode.END);
        assertEquals(39, frame());
        robot.clickOn(episode.label()).type(KeyCode.HOME);
        assertEquals(0, frame());
        robot.type(KeyCode.RIGHT).type(KeyCode.LEFT).type(KeyCode.LEFT);
        assertEquals(0, frame());
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> window.inspectorModel().playingProperty().get()));
        robot.type(KeyCode.SPACE);
        assertFalse(fx(() -> window.inspectorModel().playingProperty().get()));
        assertEquals("inspector-tab", fx(() -> tabs.getSelectionModel().getSelectedItem().getId()));
    }

    /** Defect 3: at 1024 × 700 no button, label or panel of either tab is cut or collapsed to "…". */
    @Test
    void bothTabsFitA1024By700Window(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000);
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);

        LayoutCheck.assertNothingCut(robot, window.root(), "Training tab");
        Screenshots.save(window.root(), "training-1024x700.png");

        robot.clickOn("Inspector");
        robot.clickOn("#recordGreedy");
        waitUntil(() -> !window.inspectorModel().episodes().isEmpty()
                && window.inspectorModel().heatmaps().heatmapProperty().get() != null);
        LayoutCheck.assertNothingCut(robot, window.root(), "Inspector tab");
        LayoutCheck.assertInsideWindow(robot, window.root(), "#playPause", "#stepForward", "#jumpEnd", "#speed",
                "#value", "#heatmapPolicy", "#heatmapValue");
        Screenshots.save(window.root(), "inspector-1024x700.png");
    }

    /**
     * Defect 4: the badge and the manifest use one rule, and the manifest keeps when it was first
     * met; checked for a run stopped early and for an opened model that had solved (training one
     * to a solve here would take minutes on a busy machine).
     */
    @Test
    void theExportedManifestAgreesWithTheSolvedBadge(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000);
        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        assertManifestAgreesWithTheBadge(robot, tmp.resolve("early"), false);

        Path solvedModel = tmp.resolve("solved-model");
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16);
        org.a2clab.agent.DjlRuntime.prepareTrainingThread();
        try (org.a2clab.agent.ActorCritic net = new org.a2clab.agent.ActorCritic(16, 1, ai.djl.Device.cpu())) {
            ModelBundle.save(solvedModel, net,
                    new TrainingResult(true, 90_000, 1_125, 400, 4.0, 480.5, "cpu", hp, 82_560, Double.NaN));
        }
        answer.set(solvedModel);
        choose(robot, "Open model folder…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        JsonObject solved = assertManifestAgreesWithTheBadge(robot, tmp.resolve("solved"), true);
        assertEquals(82_560, solved.get("solved_at_step").getAsLong(), "when it was first met, kept");
        assertEquals(90_000, solved.get("env_steps").getAsLong());
    }

    private JsonObject assertManifestAgreesWithTheBadge(FxRobot robot, Path bundle, boolean expected) throws Exception {
        answer.set(bundle);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        JsonObject training = JsonParser.parseString(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE)))
                .getAsJsonObject().getAsJsonObject("training");
        assertEquals(expected, fx(() -> window.status().solvedProperty().get()), "the badge");
        assertEquals(expected, training.get("solved").getAsBoolean());
        assertEquals(expected, !training.get("solved_at_step").isJsonNull());
        String shown = fx(() -> robot.lookup("#solved-status").queryAs(Label.class).getText());
        assertEquals(expected, shown.startsWith("✔ SOLVED"), shown);
        assertTrue(training.has("mean_return_last100"), "the mean at export is recorded too");
        assertEquals(fx(() -> window.status().envStepsProperty().get()), training.get("env_steps").getAsLong());
        return training;
    }

    /** Defect 5: a manifest that is not JSON gets a message for people, not the JSON library's. */
    @Test
    void aManifestThatIsNotJsonIsExplainedInPlainWords(FxRobot robot) throws Exception {
        Path broken = Files.createDirectory(tmp.resolve("broken"));
        Files.writeString(broken.resolve(ModelBundle.MANIFEST_FILE), "{ not json");
        Files.write(broken.resolve(ModelBundle.SAFETENSORS_FILE), new byte[] {1, 2, 3});
        Files.write(broken.resolve(ModelBundle.PARAMS_FILE), new byte[] {4});
        answer.set(broken);
        choose(robot, "Open model folder…");
        Notice notice = awaitNotice(robot, window);
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("not valid JSON"), notice.text());
        String lower = notice.text().toLowerCase();
        assertFalse(lower.contains("setstrictness") || lower.contains("gson") || lower.contains("jsonreader"),
                notice.text());
    }

    /** Defect 6: before any network the Inspector's network actions are disabled with a hint. */
    @Test
    void theInspectorBeforeAnyModelSaysWhatToDo(FxRobot robot) {
        robot.clickOn("Inspector");
        for (String id : List.of("#recordGreedy", "#recordSampled", "#playLive")) {
            assertTrue(fx(() -> robot.lookup(id).queryAs(Button.class).isDisabled()), id);
        }
        assertTrue(fx(() -> robot.lookup("#noNetworkHint").query().isVisible()));
        long pulses = fx(window::pulses);
        waitUntil(() -> window.pulses() > pulses + 30);
        assertEquals(0, fx(() -> window.inspectorModel().jobsInFlightProperty().get()), "nothing submitted");
        assertNull(fx(() -> window.inspectorModel().heatmaps().heatmapProperty().get()));
        assertEquals("", fx(() -> window.inspectorModel().statusProperty().get()), "no failure shown");

        robot.clickOn("Training");
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        robot.clickOn("Inspector");
        assertFalse(fx(() -> robot.lookup("#recordGreedy").queryAs(Button.class).isDisabled()));
        assertFalse(fx(() -> robot.lookup("#noNetworkHint").query().isVisible()));
        waitUntil(() -> window.inspectorModel().heatmaps().heatmapProperty().get() != null);
    }

    /** Defect 7: Open model while training asks first, then shows the model's own statistics and curves. */
    @Test
    void openingAModelWhileTrainingAsksFirstAndShowsTheModelsOwnTraining(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 4_000);
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        Path bundle = tmp.resolve("trained");
        answer.set(bundle);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        long trainedSteps = fx(() -> window.status().envStepsProperty().get());

        robot.clickOn("#retrain-button");
        waitUntil(() -> sessions.size() == 2 && window.status().envStepsProperty().get() > 0);
        confirmAnswer.set(false);
        choose(robot, "Open model folder…");
        // asked once the bundle is checked and loads (issue 20: a broken file is never worth the question)
        waitUntil(() -> questions.size() == 1);
        waitUntil(() -> window.modelFiles().canOpenProperty().get());
        assertTrue(questions.get(0).contains("Export it first"), questions.get(0));
        assertEquals(2, sessions.size(), "declined: the running session goes on");

        confirmAnswer.set(true);
        choose(robot, "Open model folder…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertEquals(3, sessions.size());
        assertEquals(trainedSteps, fx(() -> window.status().envStepsProperty().get()), "the model's own env steps");
        assertTrue(fx(() -> window.metrics().storedPoints()) > 10, "the model's own curves");
        assertTrue(fx(() -> window.metrics().latestSteps()) >= trainedSteps - 20);
        assertEquals(fx(() -> window.status().solvedProperty().get()), false);
        // paused, it trains no frames: the canvas plays a greedy episode of the opened model instead
        waitUntil(() -> window.framePlayer().framesShown() > 5 && window.cartPoleView().paints() > 5);

        // training it further counts on from there
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > trainedSteps + 200);
    }

    /** Defect 8: how an action ended shows for a moment, then clears (on the next action or by itself). */
    @Test
    void outcomesBesideTheMenuDoNotGoStale(FxRobot robot) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        answer.set(empty);
        choose(robot, "Open model folder…");
        Notice notice = awaitNotice(robot, window);
        assertTrue(notice.text().contains("empty folder"), notice.text());
        Label progress = robot.lookup("#model-progress").queryAs(Label.class);
        assertEquals("Could not open empty", fx(progress::getText));

        robot.clickOn("#primary-button"); // the next action
        waitUntil(() -> fx(progress::getText).isEmpty());

        choose(robot, "Open model folder…");
        awaitNotice(robot, window);
        assertFalse(fx(progress::getText).isEmpty());
        waitUntil(() -> fx(progress::getText).isEmpty()); // by itself, after a few seconds
    }

    /** Rough edges: the keyboard reaches Train/Pause, Stop and the File menu; buttons keep their widths. */
    @Test
    void theKeyboardReachesTheMainActionsAndButtonsKeepTheirWidths(FxRobot robot) {
        Button primary = robot.lookup("#primary-button").queryAs(Button.class);
        assertTrue(fx(primary::isFocused), "Tab order starts at the Train button");
        assertTrue(fx(() -> primary.getTooltip().getText()).contains("Ctrl+T"));
        double width = fx(primary::getWidth);

        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        assertEquals("Pause", fx(primary::getText));
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        assertEquals("Resume", fx(primary::getText));
        assertEquals(width, fx(primary::getWidth), 0.5, "Train, Pause and Resume are one width");
        assertEquals("paused", fx(() -> robot.lookup("#speed-status").queryAs(Label.class).getText()));

        robot.press(KeyCode.CONTROL).type(KeyCode.PERIOD).release(KeyCode.CONTROL);
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        assertEquals("Continue", fx(primary::getText));
        assertEquals(width, fx(primary::getWidth), 0.5);

        robot.press(KeyCode.ALT).type(KeyCode.F).release(KeyCode.ALT);
        waitUntil(() -> window.fileMenu().isShowing());
        robot.type(KeyCode.ESCAPE);
    }

    private int frame() {
        return fx(() -> window.inspectorModel().frameIndexProperty().get());
    }


    /** Waits for the outcome dialog, closes it and returns what it said. */
}
