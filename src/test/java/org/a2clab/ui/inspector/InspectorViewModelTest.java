package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.env.CartPole;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.Heatmap;
import org.a2clab.train.Hyperparameters;
import org.a2clab.inspect.Impulse;
import org.a2clab.inspect.RecordedEpisode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without the FX thread: network jobs run synchronously on the test thread. */
class InspectorViewModelTest {
    private static final long MS = 1_000_000L;
    private ActorCritic net;
    private final AtomicInteger jobCount = new AtomicInteger();
    private InspectorViewModel model;
    /** The fake renderer throws at this frame (−1: never), standing in for a failure mid-export. */
    private int failAtFrame = -1;

    @BeforeEach
    void setUp() {
        DjlRuntime.prepareTrainingThread();
        net = new ActorCritic(16, 5, Device.cpu());
        NetworkJobs sync = new NetworkJobs() {
            @Override
            public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
                jobCount.incrementAndGet();
                return CompletableFuture.completedFuture(job.apply(net));
            }
        };
        model = new InspectorViewModel(sync, () -> Hyperparameters.DEFAULTS, this::frameImage, Runnable::run,
                Runnable::run);
    }

    /** A tiny picture whose colour encodes the frame's t, so each written file can be told apart. */
    private java.util.function.Supplier<byte[]> frameImage(EpisodeFrame f) {
        if (f.t() == failAtFrame) {
            throw new IllegalStateException("disk full at frame " + f.t());
        }
        BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, f.t());
            }
        }
        return () -> {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try {
                javax.imageio.ImageIO.write(image, "png", bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> frameNames(int count) {
        return IntStream.range(0, count).mapToObj(t -> String.format("frame-%04d.png", t))
                .collect(Collectors.toList());
    }

    @AfterEach
    void tearDown() {
        net.close();
    }

    @Test
    void recordingSelectsTheEpisodeAndPlayerCommandsMoveTheFrame() {
        model.recordGreedy();
        RecordedEpisode e = model.selectedEpisodeProperty().get();
        assertNotNull(e);
        assertEquals(EpisodeKind.GREEDY, e.kind());
        assertEquals(Hyperparameters.DEFAULTS.nSteps(), e.nSteps());
        assertSame(e.frame(0), model.currentFrame());
        model.stepForward();
        model.stepForward();
        assertSame(e.frame(2), model.currentFrame());
        model.stepBack();
        assertEquals(1, model.frameIndexProperty().get());
        model.jumpToEnd();
        assertEquals(e.length() - 1, model.frameIndexProperty().get());
        model.stepForward();
        assertEquals(e.length() - 1, model.frameIndexProperty().get());
        model.seek(-5);
        assertSame(e.frame(0), model.currentFrame());
    }

    /** Recordings use the session's λ: its GAE numbers differ from R and A when λ < 1, equal them at λ = 1. */
    @Test
    void recordingsCarryTheLambdaReturnAndGaeAdvantageOfTheSessionsLambda() {
        model.recordGreedy();
        RecordedEpisode e = model.selectedEpisodeProperty().get();
        assertEquals(Hyperparameters.DEFAULTS.gaeLambda(), e.lambda());
        assertTrue(e.lambda() < 1);
        assertNotEquals(e.frame(0).advantage(), e.frame(0).gaeAdvantage(), "λ < 1 mixes in the critic");
        assertEquals(e.frame(0).lambdaReturn() - e.frame(0).value(), e.frame(0).gaeAdvantage(), 1e-5);

        InspectorViewModel plain = new InspectorViewModel(new NetworkJobs() {
            @Override
            public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
                return CompletableFuture.completedFuture(job.apply(net));
            }
        }, () -> Hyperparameters.DEFAULTS.withGaeLambda(1), this::frameImage, Runnable::run, Runnable::run);
        plain.recordGreedy();
        RecordedEpisode p = plain.selectedEpisodeProperty().get();
        assertEquals(1.0, p.lambda());
        assertEquals(p.frame(0).advantage(), p.frame(0).gaeAdvantage());
    }

    @Test
    void playbackAdvancesFiftyFramesPerSecondTimesSpeedAndStopsAtTheEnd() {
        model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 1, 30, 0));
        model.speedProperty().set(0.5);
        model.togglePlay();
        model.tick(0);
        model.tick(200 * MS); // 0.2 s · 50 fps · 0.5 = 5 frames
        assertEquals(5, model.frameIndexProperty().get());
        model.tick(2000 * MS);
        assertEquals(29, model.frameIndexProperty().get());
        assertFalse(model.playingProperty().get());
    }

    @Test
    void liveEpisodeStepsWithTimeAndMarksTheExactPush() {
        model.playLive();
        model.tick(0);
        model.tick(100 * MS); // 5 steps
        RecordedEpisode live = model.live().liveEpisodeProperty().get();
        assertEquals(5, live.length());
        assertSame(live, model.selectedEpisodeProperty().get());
        assertEquals(4, model.frameIndexProperty().get());

        model.live().push(Impulse.pole(0.8));
        model.tick(120 * MS); // 1 more step, from the pushed state
        live = model.live().liveEpisodeProperty().get();
        assertEquals(6, live.length());
        EpisodeFrame before = live.frame(4);
        EpisodeFrame pushed = live.frame(5);
        assertTrue(pushed.perturbed());
        assertFalse(before.perturbed());
        CartPole env = new CartPole(0);
        env.setState(before.state()[0], before.state()[1], before.state()[2], before.state()[3]);
        env.step(before.action());
        double[] unpushed = env.state();
        assertArrayEquals(new double[] {unpushed[0], unpushed[1], unpushed[2], unpushed[3] + 0.8},
                pushed.state(), 0.0);
        assertEquals(1, model.episodes().size());
    }

    @Test
    void heatmapRefreshesAtMostThreeTimesASecond() {
        model.tick(0);
        Heatmap first = model.heatmaps().heatmapProperty().get();
        assertNotNull(first);
        net.parametersChanged(); // an update
        model.networkChanged();
        model.tick(100 * MS);
        assertSame(first, model.heatmaps().heatmapProperty().get());
        model.tick(400 * MS);
        assertNotSame(first, model.heatmaps().heatmapProperty().get());
        int jobs = jobCount.get();
        model.tick(800 * MS); // nothing changed: no job
        assertEquals(jobs, jobCount.get());
        model.heatmaps().xProperty().set(1.0);
        model.tick(1200 * MS);
        assertEquals(1.0, model.heatmaps().heatmapProperty().get().x(), 0.0);
    }

    /** A map is kept by the network's version and the sliders: a change that changed none of them computes nothing. */
    @Test
    void aHeatmapIsComputedAgainOnlyForANewNetworkVersionOrSliderValue() {
        model.tick(0);
        Heatmap first = model.heatmaps().heatmapProperty().get();
        assertEquals(1, model.heatmaps().builds());
        model.networkChanged(); // e.g. a reset that kept the network
        model.tick(400 * MS);
        assertSame(first, model.heatmaps().heatmapProperty().get());
        assertEquals(1, model.heatmaps().builds());
        model.heatmaps().xProperty().set(0.5);
        model.heatmaps().xProperty().set(0.0); // and back
        model.tick(800 * MS);
        assertSame(first, model.heatmaps().heatmapProperty().get());
        assertEquals(1, model.heatmaps().builds());
        net.parametersChanged();
        model.networkChanged();
        model.tick(1200 * MS);
        assertNotSame(first, model.heatmaps().heatmapProperty().get());
        assertEquals(2, model.heatmaps().builds());
    }

    @Test
    void historyIsBounded() {
        RecordedEpisode first = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 0, 3, 0);
        model.addEpisode(first);
        for (int i = 1; i < 30; i++) {
            model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.GREEDY, i, 3, 0));
        }
        assertEquals(EpisodeHistory.CAPACITY, model.episodes().size());
        assertTrue(model.episodes().stream().anyMatch(e -> e == first)); // the selected one is kept
        for (int i = 0; i < 10; i++) {
            model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.TRAINING, -1, 3, 0));
        }
        assertEquals(EpisodeHistory.TRAINING_CAPACITY,
                model.episodes().stream().filter(e -> e.kind() == EpisodeKind.TRAINING).count());
    }

    @Test
    void theListKeepsAStableOrderUsersEpisodesFirstEachKindNewestFirst() {
        RecordedEpisode greedy = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 3, 0);
        RecordedEpisode training1 = SyntheticEpisodes.episode(EpisodeKind.TRAINING, -1, 3, 0);
        RecordedEpisode sampled = SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 2, 3, 0);
        RecordedEpisode training2 = SyntheticEpisodes.episode(EpisodeKind.TRAINING, -1, 4, 0);
        model.addEpisode(greedy);
        model.addEpisode(training1);
        model.addEpisode(sampled);
        model.addEpisode(training2);
        assertEquals(List.of(sampled, greedy, training2, training1), List.copyOf(model.episodes()));
        // training episodes rolling in never move the user's episodes
        for (int i = 0; i < 8; i++) {
            model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.TRAINING, -1, 3, 0));
            assertEquals(List.of(sampled, greedy), List.copyOf(model.episodes().subList(0, 2)));
        }
    }

    @Test
    void framesAreExportedOnePngPerFrameWithProgressAndAnEarlierSequenceIsReplaced(@TempDir Path tmp)
            throws IOException {
        List<String> statuses = new ArrayList<>();
        model.statusProperty().addListener((obs, old, s) -> statuses.add(s));
        RecordedEpisode ten = SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 10, 0);
        model.addEpisode(ten);
        Path dir = tmp.resolve("frames");
        model.exports().exportFrames(dir);
        assertEquals(List.of("Writing frames 0/10", "Writing frames 6/10",
                "Exported 10 frames to " + dir.toAbsolutePath()), statuses);
        assertFalse(model.exports().exportingFramesProperty().get());
        assertEquals(frameNames(10), names(dir));
        assertEquals(List.of("frames"), names(tmp)); // no staging directory left behind
        for (int t = 0; t < 10; t++) {
            assertEquals(t, ImageIO.read(dir.resolve(frameNames(10).get(t)).toFile()).getRGB(3, 2) & 0xffffff);
        }

        // a shorter episode into the same folder: the earlier sequence goes as a whole
        RecordedEpisode six = SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 2, 6, 0);
        model.addEpisode(six);
        model.selectedEpisodeProperty().set(six);
        model.exports().exportFrames(dir);
        assertEquals("Exported 6 frames to " + dir.toAbsolutePath(), model.statusProperty().get());
        assertEquals(frameNames(6), names(dir));
        assertEquals(List.of("frames"), names(tmp));
    }

    @Test
    void aFolderHoldingOtherFilesGetsTheFramesInASubfolderAndKeepsItsFiles(@TempDir Path tmp) throws IOException {
        model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 5, 0));
        Path dir = Files.createDirectory(tmp.resolve("thesis"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        model.exports().exportFrames(dir);
        assertEquals("Exported 5 frames to " + dir.resolve("frames").toAbsolutePath(), model.statusProperty().get());
        assertEquals(List.of("frames", "notes.txt"), names(dir));
        assertEquals(frameNames(5), names(dir.resolve("frames")));
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));

        model.exports().exportFrames(dir); // again: a second subfolder, the first is not touched
        assertEquals(List.of("frames", "frames-2", "notes.txt"), names(dir));
        assertEquals(frameNames(5), names(dir.resolve("frames-2")));
    }

    @Test
    void anUnwritableTargetIsReportedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
        model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 5, 0));
        // a regular file as the parent: unwritable even for root, where permissions are no obstacle
        Path blocker = Files.writeString(tmp.resolve("blocker"), "");
        model.exports().exportFrames(blocker.resolve("frames"));
        assertEquals("Export failed: cannot write into " + blocker.toAbsolutePath() + " (Not a directory)",
                model.statusProperty().get());
        assertFalse(model.exports().exportingFramesProperty().get());
        assertEquals(List.of("blocker"), names(tmp));
        assertEquals(0, Files.size(blocker));
    }

    @Test
    void aFailureHalfwayLeavesNoPartialFilesAndKeepsTheEarlierSequence(@TempDir Path tmp) throws IOException {
        model.addEpisode(SyntheticEpisodes.episode(EpisodeKind.GREEDY, 1, 3, 0));
        Path dir = tmp.resolve("frames");
        model.exports().exportFrames(dir);
        assertEquals(frameNames(3), names(dir));

        RecordedEpisode longer = SyntheticEpisodes.episode(EpisodeKind.SAMPLED, 2, 12, 0);
        model.addEpisode(longer);
        model.selectedEpisodeProperty().set(longer);
        failAtFrame = 9; // after two turns' files are already written
        model.exports().exportFrames(dir);
        assertEquals("Export failed: disk full at frame 9", model.statusProperty().get());
        assertFalse(model.exports().exportingFramesProperty().get());
        assertEquals(frameNames(3), names(dir));
        assertEquals(List.of("frames"), names(tmp));
    }
}
