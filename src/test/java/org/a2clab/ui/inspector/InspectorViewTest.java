package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.media.GifFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a learner does in the inspector, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {
    private DjlJobs jobs;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private InspectorViewModel model;
    private RecordedEpisode first;
    private RecordedEpisode second;

    @Start
    void start(Stage stage) {
        jobs = new DjlJobs();
        model = new InspectorViewModel(jobs, () -> Hyperparameters.DEFAULTS, new CartPoleFrames(), background);
        first = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 11, 10);
        second = SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 2, 21, 100);
        model.addEpisode(first);
        model.addEpisode(second);
        stage.setScene(new Scene(new InspectorView(model), 1240, 780));
        stage.show();
    }

    @AfterEach
    void close() {
        jobs.close();
        background.shutdown();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @Test
    void steppingShowsTheFramesNumbers(FxRobot robot) {
        assertEquals("0", text(robot, "#t"));
        robot.clickOn("#stepForward").clickOn("#stepForward").clickOn("#stepForward").clickOn("#stepBack");
        assertEquals("2", text(robot, "#t"));
        assertEquals("12.000", text(robot, "#value"));
        assertEquals(String.format("%.3f", first.frame(2).nStepReturn()), text(robot, "#nStepReturn"));
        assertEquals(String.format("%+.3f", first.frame(2).advantage()), text(robot, "#advantage"));
        assertEquals(String.format("%+.3f", first.frame(2).tdError()), text(robot, "#tdError"));
        assertEquals("2 / 10", text(robot, "#position"));
        robot.clickOn("#jumpEnd");
        assertEquals("10", text(robot, "#t"));
        assertEquals("terminated", text(robot, "#flags"));
    }

    /** The λ-return and GAE rows show only for an episode recorded with λ < 1 (at λ = 1 they repeat R and A). */
    @Test
    void lambdaReturnAndGaeAdvantageShowOnlyWhenLambdaIsBelowOne(FxRobot robot) {
        assertFalse(robot.lookup("#lambdaReturn").query().isVisible(), "synthetic episodes use λ = 1");
        assertFalse(robot.lookup("#gaeAdvantage").query().isVisible());
        java.util.List<org.a2clab.inspect.EpisodeStep> steps = new java.util.ArrayList<>();
        for (int t = 0; t < 6; t++) {
            steps.add(new org.a2clab.inspect.EpisodeStep(new double[] {0, 0, 0, 0}, new float[4], 0.5f, 0.5f,
                    (float) t, 0, 1f, t == 5, false, false));
        }
        RecordedEpisode gae = RecordedEpisode.of(EpisodeKind.GREEDY, 3, steps, 0, 4, 0.9, 0.5);
        robot.interact(() -> model.addEpisode(gae));
        robot.interact(() -> model.selectedEpisodeProperty().set(gae));
        assertTrue(robot.lookup("#lambdaReturn").query().isVisible());
        assertEquals(String.format("%.3f", gae.frame(0).lambdaReturn()), text(robot, "#lambdaReturn"));
        assertEquals(String.format("%+.3f", gae.frame(0).gaeAdvantage()), text(robot, "#gaeAdvantage"));
        assertNotEquals(text(robot, "#advantage"), text(robot, "#gaeAdvantage"));
    }

    @Test
    void clickingTheTimelineSeeksToThatFrame(FxRobot robot) {
        TimelineCanvas timeline = robot.lookup("#timeline").queryAs(TimelineCanvas.class);
        double plotWidth = timeline.getWidth() - 46 - 10;
        robot.clickOn(robot.point(timeline).atPosition(Pos.TOP_LEFT)
                .atOffset(new Point2D(46 + plotWidth * 7 / 10.0, timeline.getHeight() / 2)));
        assertEquals("7", text(robot, "#t"));
        assertEquals("17.000", text(robot, "#value"));
    }

    @Test
    void keyboardShortcutsDriveThePlayer(FxRobot robot) throws Exception {
        robot.clickOn(first.label());
        robot.type(KeyCode.RIGHT, 3).type(KeyCode.LEFT);
        assertEquals("2", text(robot, "#t"));
        robot.type(KeyCode.END);
        assertEquals("10", text(robot, "#t"));
        robot.type(KeyCode.HOME);
        assertEquals("0", text(robot, "#t"));
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        model.playingProperty().addListener((obs, was, now) -> started.compareAndSet(false, now));
        robot.type(KeyCode.SPACE);
        // a short episode may play to its end before the robot returns on a busy machine
        assertTrue(started.get(), "space started playback");
        waitFor(() -> !model.playingProperty().get()); // plays to the end and stops
        assertEquals("10", text(robot, "#t"));

        // space twice: an episode of 20 s at 0.1× plays long enough that nothing ends it in between
        robot.clickOn(second.label());
        robot.interact(() -> model.speedProperty().set(0.1));
        robot.type(KeyCode.SPACE);
        assertTrue(model.playingProperty().get(), "space plays");
        robot.type(KeyCode.SPACE);
        assertFalse(model.playingProperty().get(), "space again pauses");
    }

    @Test
    void selectingAnotherEpisodeUpdatesTheView(FxRobot robot) {
        robot.clickOn(second.label());
        assertEquals("0", text(robot, "#t"));
        assertEquals("100.000", text(robot, "#value"));
        assertEquals("0 / 20", text(robot, "#position"));
        robot.clickOn(first.label());
        assertEquals("10.000", text(robot, "#value"));
    }

    @Test
    void recordingAGreedyEpisodeOfTheNetworkSelectsItAndHeatmapsAppear(FxRobot robot) throws Exception {
        robot.clickOn("#recordGreedy");
        waitFor(() -> model.episodes().size() == 3);
        RecordedEpisode recorded = model.episodes().get(0);
        assertEquals(recorded, model.selectedEpisodeProperty().get(), "newest first, and selected");
        assertEquals(EpisodeKind.GREEDY, recorded.kind());
        assertTrue(recorded.finished());
        assertEquals(String.format("%.3f", recorded.frame(0).value()), text(robot, "#value"));
        waitFor(() -> model.heatmaps().heatmapProperty().get() != null);
        assertEquals(Heatmaps.COLUMNS, model.heatmaps().heatmapProperty().get().columns());
    }

    /** Playback moves the ring on the heatmaps; their cells are neither computed nor coloured again. */
    @Test
    void steppingThroughFramesMovesTheRingWithoutRebuildingTheHeatmaps(FxRobot robot) throws Exception {
        waitFor(() -> model.heatmaps().heatmapProperty().get() != null);
        HeatmapPane policy = robot.lookup("#heatmapPolicy").queryAs(HeatmapPane.class);
        HeatmapPane value = robot.lookup("#heatmapValue").queryAs(HeatmapPane.class);
        int[] before = WaitForAsyncUtils.asyncFx(() -> new int[] {model.heatmaps().builds(), policy.cellBuilds(),
                value.cellBuilds()}).get(10, TimeUnit.SECONDS);
        assertTrue(before[1] >= 1 && before[2] >= 1, "the map is drawn: " + Arrays.toString(before));
        for (int t = 1; t <= 10; t++) {
            int frame = t;
            robot.interact(() -> model.frameIndexProperty().set(frame));
        }
        assertEquals("10", text(robot, "#t"));
        int[] after = WaitForAsyncUtils.asyncFx(() -> new int[] {model.heatmaps().builds(), policy.cellBuilds(),
                value.cellBuilds()}).get(10, TimeUnit.SECONDS);
        assertEquals(Arrays.toString(before), Arrays.toString(after), "maps computed, π cells and V cells coloured");
    }

    @Test
    void liveEpisodeIsFollowedAndCanBePushed(FxRobot robot) throws Exception {
        robot.interact(() -> model.speedProperty().set(0.1)); // 5 frames per second
        robot.clickOn("#playLive");
        waitFor(() -> model.live().liveEpisodeProperty().get() != null
                && model.live().liveEpisodeProperty().get().length() >= 2);
        // pause so the untrained agent cannot fall before the push lands
        robot.interact(() -> model.playingProperty().set(false));
        robot.clickOn("#pushPoleRight");
        robot.interact(() -> model.playingProperty().set(true));
        waitFor(() -> model.episodes().stream().anyMatch(e -> e.frames().stream()
                .anyMatch(f -> f.perturbed())));
        robot.interact(() -> model.playingProperty().set(false));
        waitFor(() -> model.frameIndexProperty().get() == model.lastFrameIndexProperty().get());
        RecordedEpisode live = model.selectedEpisodeProperty().get();
        assertEquals(live.length() - 1, model.frameIndexProperty().get());
        assertTrue(live.frames().stream().anyMatch(f -> f.perturbed()));
    }

    @Test
    void exportFramesWritesTheSelectedEpisodeAsPngsOfTheCartPole(FxRobot robot, @TempDir Path tmp)
            throws Exception {
        assertFalse(robot.lookup("#exportFrames").queryButton().isDisabled());
        Path dir = tmp.resolve("frames");
        robot.interact(() -> model.exports().exportFrames(dir)); // what the folder chooser hands over
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> !model.exports().exportingFramesProperty().get()).get());
        assertEquals("Exported " + first.length() + " frames to " + dir.toAbsolutePath(),
                text(robot, "#inspectorStatus"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().collect(Collectors.toList());
        }
        assertEquals(first.length(), files.size());
        List<BufferedImage> images = new ArrayList<>();
        for (int t = 0; t < files.size(); t++) {
            assertEquals(String.format("frame-%04d.png", t), files.get(t).getFileName().toString());
            BufferedImage image = ImageIO.read(files.get(t).toFile());
            assertNotNull(image, files.get(t) + " decodes");
            assertEquals(CartPoleFrames.WIDTH, image.getWidth());
            assertEquals(CartPoleFrames.HEIGHT, image.getHeight());
            images.add(image);
        }
        // frame 0 stands upright, the last one leans at θ = 0.1 and has fallen
        assertFalse(Arrays.equals(pixels(images.get(0)), pixels(images.get(first.length() - 1))));
    }

    @Test
    void exportGifWritesOneLoopingFramePerStepAndRefusesAFolder(FxRobot robot, @TempDir Path tmp) throws Exception {
        assertFalse(robot.lookup("#exportGif").queryButton().isDisabled());
        Path gif = tmp.resolve("episode.gif");
        robot.interact(() -> model.exports().exportGif(gif)); // what the file chooser hands over
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> !model.exports().exportingFramesProperty().get()).get());
        assertEquals("Exported " + first.length() + " frames as a GIF to " + gif.toAbsolutePath(),
                text(robot, "#inspectorStatus"));
        GifFiles.Gif read = GifFiles.read(gif);
        assertEquals(first.length(), read.delays().size(), "one frame per step");
        assertTrue(read.loops());
        assertEquals(List.of(CartPoleFrames.WIDTH, CartPoleFrames.HEIGHT), List.of(read.width(), read.height()));
        assertTrue(read.delays().stream().allMatch(d -> d == 2), "50 frames/s: " + read.delays());

        Path folder = Files.createDirectory(tmp.resolve("folder.gif"));
        robot.interact(() -> model.exports().exportGif(folder));
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> !model.exports().exportingFramesProperty().get()).get());
        String status = text(robot, "#inspectorStatus");
        assertTrue(status.startsWith("Export failed: ") && status.contains("is a directory"), status);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("episode.gif", "folder.gif"), left.map(f -> f.getFileName().toString()).sorted()
                    .collect(Collectors.toList()), "no temporary file left behind");
        }
        try (Stream<Path> inside = Files.list(folder)) {
            assertEquals(0, inside.count());
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
