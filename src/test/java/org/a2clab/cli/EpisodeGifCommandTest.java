package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.media.GifFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episode --gif}: the GIF read back with ImageIO, and the targets it refuses. */
class EpisodeGifCommandTest {
    @TempDir
    static Path tmp;
    static Path bundle;

    @BeforeAll
    static void trainTinyModel() {
        DjlRuntime.prepareTrainingThread();
        bundle = tmp.resolve("model");
        Run r = ModelCommandsTest.cli("train", "--max-steps", "400", "--envs", "4", "--n-steps", "5", "--hidden", "8",
                "--device", "cpu", "--seed", "5", "--save", bundle.toString());
        assertEquals(0, r.status(), r.err());
    }

    private static int jsonLines(Run r) {
        return r.out().trim().split("\n").length;
    }

    @Test
    void oneLoopingFramePerStepAt50FramesPerSecond() throws Exception {
        Path gif = tmp.resolve("out/episode.gif");
        Run r = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--greedy", "--seed", "2",
                "--gif", gif.toString());
        assertEquals(0, r.status(), r.err());
        GifFiles.Gif g = GifFiles.read(gif);
        assertEquals(jsonLines(r), g.delays().size(), "one frame per JSON line, i.e. per step");
        assertTrue(g.delays().size() > 1);
        assertTrue(g.loops());
        assertEquals(640, g.width());
        assertEquals(360, g.height());
        assertTrue(g.delays().stream().allMatch(d -> d == 2), g.delays().toString());
        assertTrue(r.err().contains("wrote " + gif.toAbsolutePath()), r.err());
    }

    @Test
    void gifFps25GivesFourCentisecondDelaysAndTheSameJson() throws Exception {
        Path gif = tmp.resolve("slow.gif");
        Run plain = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--seed", "4");
        Run r = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--seed", "4", "--gif", gif.toString(),
                "--gif-fps", "25");
        assertEquals(0, r.status(), r.err());
        assertEquals(plain.out(), r.out(), "the JSON lines are as without --gif");
        GifFiles.Gif g = GifFiles.read(gif);
        assertEquals(jsonLines(r), g.delays().size());
        assertTrue(g.delays().stream().allMatch(d -> d == 4), g.delays().toString());
    }

    @Test
    void badTargetsAndBadModelsExitWithTwoAndWriteNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Path occupied = Files.createDirectory(dir.resolve("occupied.gif"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        Run r = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--gif", occupied.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--gif") && r.err().contains("is a directory"), r.err());
        assertEquals("", r.out(), "refused before the episode is played");
        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));

        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Run underFile = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--gif",
                aFile.resolve("e.gif").toString());
        assertEquals(2, underFile.status());
        assertTrue(underFile.err().contains("cannot create directory"), underFile.err());

        Path target = dir.resolve("never.gif");
        Run broken = ModelCommandsTest.cli("episode", "--model", Files.createDirectory(dir.resolve("empty")).toString(),
                "--gif", target.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains("--model"), broken.err());
        assertFalse(Files.exists(target));

        Run fast = ModelCommandsTest.cli("episode", "--model", bundle.toString(), "--gif", target.toString(),
                "--gif-fps", "60");
        assertEquals(2, fast.status());
        assertTrue(fast.err().contains("--gif-fps must be 1-50"), fast.err());
        assertFalse(Files.exists(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("a-file", "empty", "occupied.gif"), s.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary or partial files left behind");
        }
    }
}
