package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.a2clab.agent.GaussianAction;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A Gaussian episode in the inspector: μ, σ, a, force, log π and the density drawing per frame. */
@ExtendWith(ApplicationExtension.class)
class GaussianInspectorViewTest {
    private DjlJobs jobs;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private InspectorViewModel model;
    private RecordedEpisode categorical;
    private RecordedEpisode gaussian;

    @Start
    void start(Stage stage) {
        jobs = new DjlJobs();
        model = new InspectorViewModel(jobs, () -> Hyperparameters.GAUSSIAN_DEFAULTS, new CartPoleFrames(), background);
        categorical = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 11, 10);
        gaussian = SyntheticEpisodes.gaussian(EpisodeKind.SAMPLED, 2, 12, 20);
        model.addEpisode(categorical);
        model.addEpisode(gaussian);
        stage.setScene(new Scene(new InspectorView(model), 1240, 780));
        stage.show();
    }

    @AfterEach
    void close() {
        jobs.close();
        background.shutdown();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        return n.isVisible() && n.isManaged();
    }

    @Test
    void eachFrameShowsMuSigmaTheActionTheForceAndLogPiAndDrawsItsDensity(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> model.selectedEpisodeProperty().set(gaussian));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#stepForward").clickOn("#stepForward");
        EpisodeFrame f = model.currentFrame();
        GaussianAction a = f.gaussian();
        assertEquals(2, f.t());
        assertEquals(String.format("%.3f", a.std()), text(robot, "#gaussianStd"));
        assertEquals("0.500", text(robot, "#gaussianStd"));
        assertEquals("+0.200", text(robot, "#gaussianMean"));
        assertEquals("+0.600", text(robot, "#gaussianAction"));
        assertEquals("+6.00 N", text(robot, "#gaussianForce"));
        assertEquals(String.format("%+.3f", a.logProb()), text(robot, "#gaussianLogProb"));
        assertEquals(String.format("%.3f", f.entropy()), text(robot, "#gaussianEntropy"));
        assertEquals("22.000", text(robot, "#value"), "V, R, A, δ as for a categorical frame");
        assertTrue(shown(robot, "#gaussianStd") && shown(robot, "#gaussianDensity"));
        assertFalse(shown(robot, "#probRight"), "no π(right) row for a Gaussian frame");
        GaussianDensityPane density = robot.lookup("#gaussianDensity").queryAs(GaussianDensityPane.class);
        assertTrue(density.getHeight() > 50, "the drawing has room: " + density.getHeight());
        assertEquals(a, density.drawn().step(), "the drawing is of this frame's N(μ, σ²) and a");

        // t = 7: a = 1.1 is beyond the clip range, the force stays at 10 N
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#stepForward");
        }
        assertEquals("+1.100", text(robot, "#gaussianAction"));
        assertEquals("+10.00 N (clipped)", text(robot, "#gaussianForce"));
        assertEquals(1.1, density.drawn().step().action(), 1e-6);

        WaitForAsyncUtils.asyncFx(() -> model.selectedEpisodeProperty().set(categorical));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot, "#probRight"));
        assertFalse(shown(robot, "#gaussianStd"));
        assertFalse(shown(robot, "#gaussianDensity"), "a categorical frame has no density drawing");
        assertEquals(String.format(Locale.ROOT, "%.3f", 0.6), text(robot, "#probRight"));
    }
}
