package org.a2clab.ui;

import static org.a2clab.ui.FileMenu.awaitNotice;
import static org.a2clab.ui.FileMenu.choose;
import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.SessionState;
import org.a2clab.ui.export.ExportChoice;
import org.a2clab.ui.export.Notice;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Export after the run's first greedy evaluation (20,000 env steps, as the app runs it): the user
 * is asked "best so far (greedy mean R … at step …)" or "current", and the bundle's manifest says
 * which it holds.
 */
@ExtendWith(ApplicationExtension.class)
class ExportChoiceWindowTest {
    @TempDir
    Path tmp;
    private final TrackingSessions tracking = new TrackingSessions();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final AtomicReference<Path> answer = prompts.path;
    private final AtomicReference<ExportChoice> choice = prompts.choice;
    private final List<String> offered = prompts.choicesOffered;
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = new MainWindow(tracking, control, prompts);
        window.hyperparametersModel().set(HyperparameterField.HIDDEN_SIZE, 16);
        TestWindow.show(stage, window, 1024, 700);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void exportAsksBestOrCurrentAndTheManifestSaysWhich(FxRobot robot) throws Exception {
        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().bestEvaluationProperty().get() != null);
        robot.clickOn("#stop-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.STOPPED);
        // a job runs between updates: once it has, the session's last evaluation is in the feed
        window.trainingModel().currentRun().submit(view -> null).get(20, TimeUnit.SECONDS);
        BestCheckpoint.Point best = fx(() -> window.trainingModel().currentRun().latestEvaluation().best());
        waitUntil(() -> best.equals(window.status().bestEvaluationProperty().get()));
        long steps = fx(() -> window.status().envStepsProperty().get());
        assertTrue(fx(() -> window.metrics().evaluations.storedPoints()) >= 1, "a dot on the return plot");

        Path bestDir = tmp.resolve("best");
        answer.set(bestDir);
        choice.set(ExportChoice.BEST);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertEquals(1, offered.size());
        assertEquals(String.format(java.util.Locale.ROOT, "best so far (greedy mean R %.1f at step %,d) | current (step %,d)",
                best.meanReturn(), best.envSteps(), steps), offered.get(0));
        JsonObject bestCheckpoint = checkpoint(bestDir);
        assertEquals("best", bestCheckpoint.get("kind").getAsString());
        assertEquals(best.envSteps(), bestCheckpoint.get("eval_env_steps").getAsLong());
        assertEquals(best.meanReturn(), bestCheckpoint.get("eval_greedy_mean_return").getAsDouble());

        Path currentDir = tmp.resolve("current");
        answer.set(currentDir);
        choice.set(ExportChoice.CURRENT);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertEquals("final", checkpoint(currentDir).get("kind").getAsString());

        // cancelled: nothing is written
        Path cancelled = tmp.resolve("cancelled");
        answer.set(cancelled);
        choice.set(null);
        choose(robot, "Export model…");
        assertEquals(3, offered.size());
        assertTrue(Files.notExists(cancelled));
    }

    private static JsonObject checkpoint(Path bundle) throws Exception {
        return JsonParser.parseString(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE)))
                .getAsJsonObject().getAsJsonObject("checkpoint");
    }


}
