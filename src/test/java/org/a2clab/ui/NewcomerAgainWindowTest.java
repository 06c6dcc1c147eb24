package org.a2clab.ui;

import static org.a2clab.ui.FileMenu.awaitNotice;
import static org.a2clab.ui.FileMenu.choose;
import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.a2clab.export.ModelBundle;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.SessionState;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.export.Notice;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.a2clab.ui.inspector.SyntheticEpisodes;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 20's defects as a newcomer meets them at 1024 × 700, one test per point, with real small
 * sessions (4 workers × 5 steps). Prompts answer with paths in a temporary directory.
 */
@ExtendWith(ApplicationExtension.class)
class NewcomerAgainWindowTest {
    @TempDir
    Path tmp;

    private final TrackingSessions tracking = new TrackingSessions();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final ExperimentsWindowTest.Scripted asked = new ExperimentsWindowTest.Scripted();
    private ExecutorService control;
    private MainWindow window;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        control = Executors.newSingleThreadExecutor();
        workspace = Files.createDirectory(tmp.resolve("home"));
        window = TestWindow.show(stage, new MainWindow(tracking, control, prompts, asked, workspace, prompts), 1024, 700);
        window.focusFirstControl();
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    /** 1: record, play and export an episode with the keyboard alone; frame keys work wherever focus is. */
    @Test
    void theKeyboardAloneRecordsPlaysAndExportsAnEpisode(FxRobot robot) throws Exception {
        trainBrieflyAndPause(robot);
        shortcut(robot, KeyCode.G); // Episode → Record greedy, from the Training tab
        waitUntil(() -> window.inspectorModel().episodes().stream().anyMatch(e -> e.kind() == EpisodeKind.GREEDY));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("inspector-tab", fx(() -> tabs.getSelectionModel().getSelectedItem().getId()), "the menu shows the Inspector");

        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> window.inspectorModel().playingProperty().get()));
        robot.type(KeyCode.SPACE);
        assertFalse(fx(() -> window.inspectorModel().playingProperty().get()));

        // Tab reaches every action of the Inspector
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            robot.type(KeyCode.TAB);
            reached.add(fx(() -> {
                Node focused = window.root().getScene().getFocusOwner();
                return focused == null ? "none" : String.valueOf(focused.getId());
            }));
        }
        for (String id : List.of("recordGreedy", "recordSampled", "playLive", "exportCsv", "exportFrames", "exportGif",
                "jumpStart", "stepBack", "playPause", "stepForward", "jumpEnd", "scrub", "speed", "episodes",
                "heatmapX", "heatmapXDot", "impulseSize")) {
            assertTrue(reached.contains(id), id + " not reached by Tab; reached " + reached);
        }

        // focus on a button: the arrows still step frames, Enter presses it
        focusById(robot, "exportCsv");
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.RIGHT);
        assertEquals(1, fx(() -> window.inspectorModel().frameIndexProperty().get()));
        Path csv = tmp.resolve("episode.csv");
        prompts.path.set(csv);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> Files.isRegularFile(csv));
        assertTrue(Files.readAllLines(csv).size() > 2);

        Path frames = tmp.resolve("frames");
        prompts.path.set(frames);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.inspectorModel().statusProperty().get().startsWith("Exported"));
        assertTrue(Files.isRegularFile(frames.resolve("frame-0000.png")));
    }

    /** 2 and 3: a long message wraps on its own line, every toolbar button stays whole, and it can be dismissed. */
    @Test
    void aLongMessageLeavesEveryExperimentsButtonReadableAndCanBeDismissed(FxRobot robot) {
        robot.clickOn("Experiments");
        String text = "Could not save the models of train-2026-12-08T01-02-03/seed-1: " + tmp.resolve(
                "a/rather/long/path/to/the/runs/folder/train-2026-12-08T01-02-03/seed-1/final/model.safetensors")
                + " (No space left on device); the curves so far are kept and training goes on";
        robot.interact(() -> window.experimentsModel().messageProperty().set(text));
        for (String id : List.of("#new-experiment", "#cancel-experiment", "#export-png", "#export-csv",
                "#open-runs-folder")) {
            assertWhole(robot, id);
        }
        Label message = robot.lookup("#experiments-message").queryAs(Label.class);
        assertEquals(text, fx(() -> ((Text) message.lookup(".text")).getText().replace("\n", " ")), "wrapped, not cut");
        LayoutCheck.assertInsideWindow(robot, window.root(), "#experiments-message", "#dismiss-message");
        assertTrue(fx(() -> message.localToScene(message.getLayoutBounds()).getHeight()) > 20, "on more than one line");

        robot.clickOn("#dismiss-message");
        assertEquals("", fx(() -> window.experimentsModel().messageProperty().get()));
        assertFalse(fx(() -> robot.lookup("#experiments-message-bar").query().isVisible()));
    }

    /** 3: at 1024 × 700 the "Retrain to apply" banner is in sight, not below the settings' fold. */
    @Test
    void theRetrainBannerIsInSightAt1024By700(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.RUNNING);
        robot.interact(() -> window.hyperparametersModel().set(HyperparameterField.HIDDEN_SIZE, 32));
        Label banner = robot.lookup("#retrain-banner").queryAs(Label.class);
        waitUntil(banner::isVisible);
        assertTrue(fx(banner::getText).startsWith("Retrain to apply: "));
        Bounds b = fx(() -> banner.localToScene(banner.getLayoutBounds()));
        // in sight: above the status bar, and inside the visible part of any scrolling panel around it
        Bounds bar = fx(() -> robot.lookup("#status-bar").query().localToScene(robot.lookup("#status-bar").query().getLayoutBounds()));
        assertTrue(b.getMinY() >= 0 && b.getMaxY() <= bar.getMinY() + 0.5, "banner spans y " + b.getMinY() + " … "
                + b.getMaxY() + ", the status bar starts at " + bar.getMinY());
        for (Node n = fx(banner::getParent); n != null; n = fx(n::getParent)) {
            if (n instanceof ScrollPane) {
                Node viewport = n.lookup(".viewport");
                Bounds seen = fx(() -> viewport.localToScene(viewport.getLayoutBounds()));
                assertTrue(seen.contains(b), "banner " + b + " outside the visible part " + seen + " of its scroll pane");
            }
        }
        assertTrue(b.getHeight() > 10);
    }

    /** 4: Open of a broken file says why and asks nothing; only a model that loads is worth the question. */
    @Test
    void openingABrokenFileAsksNoReplaceQuestion(FxRobot robot) throws Exception {
        trainBrieflyAndPause(robot);
        Path broken = Files.createDirectory(tmp.resolve("broken"));
        Files.writeString(broken.resolve(ModelBundle.MANIFEST_FILE), "{ not json");
        Files.write(broken.resolve(ModelBundle.SAFETENSORS_FILE), new byte[] {1, 2, 3});
        prompts.path.set(broken);
        prompts.confirm.set(true);
        choose(robot, "Open model folder…");
        Notice notice = awaitNotice(robot, window);
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertEquals(List.of(), prompts.questions, "no replace question for a file that does not load");
        assertEquals(1, tracking.sessions().size(), "the network in hand is kept");

        Path good = tmp.resolve("good");
        prompts.path.set(good);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        prompts.confirm.set(false);
        choose(robot, "Open model folder…");
        waitUntil(() -> prompts.questions.size() == 1);
        assertTrue(prompts.confirmHeaders.get(0).startsWith("Replace the current model"), prompts.confirmHeaders.get(0));
        waitUntil(() -> window.modelFiles().canOpenProperty().get());
        assertEquals(1, tracking.sessions().size(), "declined: nothing replaced");
    }

    /** 5: Pause freezes the cart-pole within a pulse and the status bar says so. */
    @Test
    void pauseFreezesTheCartPoleAtOnceAndTheStatusSaysPaused(FxRobot robot) {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.framePlayer().framesShown() > 20 && window.framePlayer().backlogSize() > 50);
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        long pulses = fx(window::pulses);
        waitUntil(() -> window.pulses() > pulses + 1);
        WorkerFrame shown = fx(() -> window.framePlayer().current());
        long framesShown = fx(() -> window.framePlayer().framesShown());
        long later = fx(window::pulses);
        waitUntil(() -> window.pulses() > later + 30);
        assertSame(shown, fx(() -> window.framePlayer().current()), "the cart-pole stands still");
        assertEquals(framesShown, fx(() -> window.framePlayer().framesShown()));
        String status = fx(() -> robot.lookup("#status-bar").queryAs(StatusBar.class).getText());
        assertTrue(status.endsWith("· Paused"), status);

        robot.clickOn("#primary-button"); // Resume: it plays again
        waitUntil(() -> window.framePlayer().framesShown() > framesShown + 10);
    }

    /** 6: Export frames writes into the chosen folder, never replacing it: permissions and other files stay. */
    @Test
    void exportFramesKeepsTheChosenFoldersPermissionsAndOtherFiles(FxRobot robot) throws Exception {
        RecordedEpisode episode = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 12, 10);
        robot.interact(() -> window.inspectorModel().addEpisode(episode));
        robot.clickOn("Inspector");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rwxr-x--x");

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.setPosixFilePermissions(empty, mode);
        exportFramesTo(robot, empty);
        assertEquals(mode, Files.getPosixFilePermissions(empty), "the folder itself is kept, with its mode");
        assertEquals(frameNames(12), names(empty));

        Path thesis = Files.createDirectory(tmp.resolve("thesis"));
        Files.writeString(thesis.resolve("notes.txt"), "keep me");
        Files.setPosixFilePermissions(thesis, mode);
        exportFramesTo(robot, thesis);
        assertEquals(mode, Files.getPosixFilePermissions(thesis));
        assertEquals("keep me", Files.readString(thesis.resolve("notes.txt")));
        assertEquals(List.of("frames", "notes.txt"), names(thesis), "the frames get a subfolder of their own");
        assertEquals(frameNames(12), names(thesis.resolve("frames")));
        assertEquals("Exported 12 frames to " + thesis.resolve("frames").toAbsolutePath(),
                fx(() -> window.inspectorModel().statusProperty().get()));
    }

    /** 9: after Runs folder… shows a sweep, a Training-tab run still goes to the app's runs folder, as the header says. */
    @Test
    void aShownSweepFolderGetsNoTrainingTabRuns(FxRobot robot) throws Exception {
        Path sweep = Files.createDirectory(tmp.resolve("sweep-out"));
        robot.clickOn("Experiments");
        asked.folder.set(sweep);
        robot.clickOn("#open-runs-folder");
        waitUntil(() -> sweep.equals(window.experimentsModel().folderProperty().get()));
        String where = fx(() -> robot.lookup("#runs-folder-label").queryAs(Label.class).getText());
        assertTrue(where.contains(sweep.toString()) && where.contains("still go to " + workspace), where);

        robot.clickOn("Training");
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 1_000);
        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        assertEquals(List.of(), names(sweep), "nothing written into the sweep's folder");
        waitUntil(() -> names(workspace).stream().anyMatch(n -> n.endsWith(" train")));
    }

    private void trainBrieflyAndPause(FxRobot robot) {
        shortcut(robot, KeyCode.T);
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000);
        shortcut(robot, KeyCode.T);
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    /** Tabs until the node with {@code id} has the keyboard. */
    private void focusById(FxRobot robot, String id) {
        for (int i = 0; i < 60 && !id.equals(fx(() -> {
            Node n = window.root().getScene().getFocusOwner();
            return n == null ? null : n.getId();
        })); i++) {
            robot.type(KeyCode.TAB);
        }
        assertEquals(id, fx(() -> window.root().getScene().getFocusOwner().getId()));
    }

    private void exportFramesTo(FxRobot robot, Path dir) {
        prompts.path.set(dir);
        String before = fx(() -> window.inspectorModel().statusProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> {
            String s = window.inspectorModel().statusProperty().get();
            return !s.equals(before) && (s.startsWith("Exported") || s.startsWith("Export failed"));
        });
        assertTrue(fx(() -> window.inspectorModel().statusProperty().get()).startsWith("Exported"));
    }

    /** The button's whole text shows and it has at least its preferred width. */
    private static void assertWhole(FxRobot robot, String id) {
        Labeled b = robot.lookup(id).queryAs(Labeled.class);
        String shown = fx(() -> ((Text) b.lookup(".text")).getText());
        assertEquals(fx(b::getText), shown, id + " cut");
        assertTrue(fx(() -> b.getWidth() >= b.prefWidth(-1) - 0.5), id + " narrower than its text");
    }

    private static List<String> frameNames(int n) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            names.add(String.format("frame-%04d.png", t));
        }
        return names;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }


    /** Waits for the outcome dialog, closes it and returns what it said. */
}
