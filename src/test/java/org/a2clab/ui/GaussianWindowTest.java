package org.a2clab.ui;

import static org.a2clab.ui.FileMenu.awaitNotice;
import static org.a2clab.ui.FileMenu.choose;
import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyKind;
import org.a2clab.export.ModelBundle;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.charts.LinePlot;
import org.a2clab.ui.export.Notice;
import org.a2clab.ui.training.TrainingObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The Gaussian policy as a user meets it, at 1024 × 700 on Monocle with real small sessions: the
 * policy selector, the μ/σ charts, the Inspector's μ, σ, a rows and density drawing, and a
 * Gaussian model through Export, Open model and Continue.
 */
@ExtendWith(ApplicationExtension.class)
class GaussianWindowTest {
    @TempDir
    Path tmp;

    private final TrackingSessions tracking = new TrackingSessions();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private final AtomicReference<UpdateStats> lastUpdate = new AtomicReference<>();
    private ExecutorService control;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        control = Executors.newSingleThreadExecutor();
        window = new MainWindow(tracking, control, prompts);
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
        TestWindow.show(stage, window, 1024, 700);
    }

    @AfterEach
    void stopTraining() throws Exception {
        TestWindow.close(window, control);
    }

    private void switchToGaussianAndTrainBriefly(FxRobot robot) {
        Slider logStd = robot.lookup("#initial-log-std-slider").queryAs(Slider.class);
        assertTrue(fx(logStd::isDisabled), "initial log σ means nothing to a categorical policy");
        choosePolicy(robot, "gaussian");
        Hyperparameters chosen = fx(() -> window.hyperparametersModel().settings());
        assertEquals(PolicyKind.GAUSSIAN, chosen.policy());
        assertEquals(Hyperparameters.GAUSSIAN_DEFAULTS.withNumEnvs(chosen.numEnvs()).withNSteps(chosen.nSteps())
                .withDerivedLearningRate().learningRate(), chosen.learningRate(), "α follows the Gaussian default, auto");
        assertEquals(Hyperparameters.GAUSSIAN_DEFAULTS.entropyCoef(), chosen.entropyCoef(), "β follows the Gaussian default");
        assertEquals(4, chosen.numEnvs(), "a setting the user changed stays");
        assertFalse(fx(logStd::isDisabled));

        robot.clickOn("#primary-button");
        waitUntil(() -> window.status().envStepsProperty().get() > 2_000 && window.charts().paintCount() > 20);
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        assertEquals(PolicyKind.GAUSSIAN, tracking.sessions().get(tracking.sessions().size() - 1).hyperparameters().policy());
    }

    private List<String> plotTitles(FxRobot robot) {
        List<String> titles = new ArrayList<>();
        for (Node n : robot.lookup(".plot").queryAll()) {
            if (n instanceof LinePlot && fx(() -> n.isVisible() && n.getScene() != null)) {
                titles.add(((LinePlot) n).title());
            }
        }
        return titles;
    }

    @Test
    void switchingToGaussianShowsMuAndSigmaInTheChartsAndTheDensityInTheInspector(FxRobot robot) throws Exception {
        switchToGaussianAndTrainBriefly(robot);

        // Training tab: μ/σ and the Gaussian entropy in place of π(left/right) and the ln 2 entropy
        List<String> titles = plotTitles(robot);
        assertTrue(titles.contains("μ(s), σ(s) over the batch"), titles.toString());
        assertTrue(titles.contains("Policy entropy H = ½ log(2πe) + log σ"), titles.toString());
        assertFalse(titles.contains("Action probabilities π(a|s)"), titles.toString());
        // the pause can be seen before its last batch of updates is drawn: wait until both have it
        waitUntil(() -> lastUpdate.get() != null && lastUpdate.get().actionStd() != null
                && window.metrics().sigmaMean.lastY() == lastUpdate.get().actionStd().mean());
        UpdateStats last = lastUpdate.get();
        assertNotNull(last.actionStd(), "a Gaussian update summarises σ");
        assertEquals(last.actionStd().mean(), fx(() -> window.metrics().sigmaMean.lastY()), 1e-12);
        assertEquals(last.actionMean().mean(), fx(() -> window.metrics().muMean.lastY()), 1e-12);
        assertEquals(last.entropy(), fx(() -> window.metrics().entropy.lastY()), 1e-12);
        assertNotNull(fx(() -> window.framePlayer().current().gaussian()), "the canvas shows a Gaussian step");
        LayoutCheck.assertNothingCut(robot, window.root(), "Training tab, Gaussian");
        Screenshots.save(window.root(), "training-gaussian-1024x700.png");

        // Inspector: a greedy episode acts with μ; the readouts are the frame's numbers
        robot.clickOn("Inspector");
        robot.clickOn("#recordGreedy");
        waitUntil(() -> window.inspectorModel().episodes().stream().anyMatch(e -> e.kind() == EpisodeKind.GREEDY)
                && window.inspectorModel().heatmaps().heatmapProperty().get() != null);
        waitUntil(() -> window.inspectorModel().selectedEpisodeProperty().get().kind() == EpisodeKind.GREEDY);
        robot.clickOn("#stepForward").clickOn("#stepForward");
        EpisodeFrame f = fx(() -> window.inspectorModel().currentFrame());
        GaussianAction a = f.gaussian();
        assertNotNull(a);
        assertEquals(a.mean(), a.action(), 1e-6, "greedy: a = μ(s)");
        assertEquals(String.format("%.3f", a.std()), label(robot, "#gaussianStd"));
        assertEquals(String.format("%+.3f", a.mean()), label(robot, "#gaussianMean"));
        assertEquals(String.format("%+.3f", a.action()), label(robot, "#gaussianAction"));
        assertEquals(String.format("%+.3f", a.logProb()), label(robot, "#gaussianLogProb"));
        assertEquals(String.format("%.3f", f.value()), label(robot, "#value"));
        Node density = robot.lookup("#gaussianDensity").query();
        assertTrue(fx(() -> density.isVisible() && density.getBoundsInLocal().getHeight() > 50));
        assertFalse(fx(() -> robot.lookup("#probRight").query().isVisible()));
        assertNotNull(fx(() -> window.inspectorModel().heatmaps().heatmapProperty().get().stds()), "σ over (θ, θ̇)");
        assertTrue(fx(() -> robot.lookup("#heatmapStd").query().isVisible()));
        LayoutCheck.assertNothingCut(robot, window.root(), "Inspector tab, Gaussian");
        LayoutCheck.assertInsideWindow(robot, window.root(), "#playPause", "#stepForward", "#gaussianStd", "#gaussianDensity");
        Screenshots.save(window.root(), "inspector-gaussian-1024x700.png");
    }

    @Test
    void aGaussianModelIsExportedOpenedAndContinuedAsGaussian(FxRobot robot) throws Exception {
        switchToGaussianAndTrainBriefly(robot);
        Path bundle = tmp.resolve("gaussian-bundle");
        prompts.path.set(bundle);
        choose(robot, "Export model…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        JsonObject manifest = JsonParser.parseString(Files.readString(bundle.resolve(ModelBundle.MANIFEST_FILE))).getAsJsonObject();
        assertEquals("gaussian", manifest.get("policy").getAsString());

        // issue 20, point 8: the ONNX file's outputs as they are for a Gaussian network
        waitUntil(() -> robot.lookup("#model-notice").tryQuery().isEmpty());
        Path onnx = tmp.resolve("gaussian.onnx");
        prompts.path.set(onnx);
        choose(robot, "Export as ONNX…");
        Notice onnxWritten = awaitNotice(robot, window);
        waitUntil(() -> robot.lookup("#model-notice").tryQuery().isEmpty());
        assertTrue(onnxWritten.text().contains("outputs mean [batch, 1], std [batch, 1], value [batch, 1]")
                && !onnxWritten.text().contains("probs"), onnxWritten.text());

        // a categorical run in between: opening must bring the Gaussian mode back
        choosePolicy(robot, "categorical");
        robot.clickOn("#retrain-button");
        waitUntil(() -> lastUpdate.get() != null && lastUpdate.get().policy() == PolicyKind.CATEGORICAL);
        prompts.path.set(bundle);
        choose(robot, "Open model folder…");
        assertEquals(Notice.Kind.INFO, awaitNotice(robot, window).kind());
        assertEquals(PolicyKind.GAUSSIAN, fx(() -> window.hyperparametersModel().settings().policy()));
        assertEquals(PolicyKind.GAUSSIAN, window.trainingModel().currentRun()
                .submit(view -> view.network().policy()).get(20, TimeUnit.SECONDS));
        waitUntil(() -> window.framePlayer().current() != null && window.framePlayer().current().gaussian() != null);
        long opened = fx(() -> window.status().envStepsProperty().get());

        choose(robot, "Evaluate greedy (argmax π, 20 episodes)");
        Notice evaluated = awaitNotice(robot, window);
        assertTrue(evaluated.text().startsWith("Greedy (a = μ(s)): mean "), evaluated.text());

        robot.clickOn("#primary-button");
        waitUntil(() -> lastUpdate.get() != null && lastUpdate.get().envSteps() > opened + 200);
        assertEquals(PolicyKind.GAUSSIAN, lastUpdate.get().policy(), "Continue trains the Gaussian network on");
        // pause so the chart and this observer have both seen the same last update, then compare them
        robot.clickOn("#primary-button");
        waitUntil(() -> window.trainingModel().stateProperty().get() == SessionState.PAUSED);
        waitUntil(() -> window.metrics().policy() == PolicyKind.GAUSSIAN && !window.metrics().sigmaMean.isEmpty()
                && window.metrics().sigmaMean.lastY() == lastUpdate.get().actionStd().mean());
        assertEquals(lastUpdate.get().actionStd().mean(), fx(() -> window.metrics().sigmaMean.lastY()), 1e-12);
    }

    @Test
    void playLiveFollowsTheGaussianAgentAndAPushLands(FxRobot robot) {
        switchToGaussianAndTrainBriefly(robot);
        robot.clickOn("Inspector");
        robot.interact(() -> window.inspectorModel().speedProperty().set(0.1));
        robot.clickOn("#playLive");
        waitUntil(() -> window.inspectorModel().live().liveEpisodeProperty().get() != null
                && window.inspectorModel().live().liveEpisodeProperty().get().length() >= 2);
        robot.interact(() -> window.inspectorModel().playingProperty().set(false));
        robot.clickOn("#pushPoleRight");
        robot.interact(() -> window.inspectorModel().playingProperty().set(true));
        waitUntil(() -> window.inspectorModel().episodes().stream().anyMatch(e -> e.frames().stream().anyMatch(
                EpisodeFrame::perturbed)));
        robot.interact(() -> window.inspectorModel().playingProperty().set(false));
        EpisodeFrame pushed = fx(() -> window.inspectorModel().episodes().stream().flatMap(e -> e.frames().stream())
                .filter(EpisodeFrame::perturbed).findFirst().get());
        assertNotNull(pushed.gaussian(), "a live Gaussian episode records μ, σ and a");
        assertEquals(pushed.gaussian().mean(), pushed.gaussian().action(), 1e-6, "Play live is greedy: a = μ(s)");
    }

    /** Opens the policy choice and clicks {@code name} in its popup list, as a user does. */
    private void choosePolicy(FxRobot robot, String name) {
        robot.clickOn("#policy-choice");
        waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(name)).queryAs(Node.class));
        waitUntil(() -> window.hyperparametersModel().settings().policy().label().equals(name));
    }

    private static String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }


}
