package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.agent.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process in the middle of saving, at several moments: the next load always finds
 * a complete bundle at the path and nothing left beside it.
 */
class KilledSaveTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesALoadableBundle() throws Exception {
        Path target = tmp.resolve("b");
        for (int delayMs : new int[] {3, 17, 41, 90}) {
            Process p = ChildJvm.start(SaveLoopProbe.class, target.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("saved", out.readLine(), "the child saved once");
            Thread.sleep(delayMs);
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));

            List<String> notes = ModelBundle.recoverInterruptedSave(target);
            try (LoadedModel m = ModelBundle.load(target, Device.cpu())) {
                assertEquals(64, m.network().hiddenSize(), "after a kill at " + delayMs + " ms: " + notes);
            }
            try (Stream<Path> s = Files.list(tmp)) {
                List<String> left = s.map(f -> f.getFileName().toString()).filter(n -> !n.equals("b"))
                        .collect(Collectors.toList());
                assertEquals(List.of(), left, "after a kill at " + delayMs + " ms, notes " + notes);
            }
        }
    }
}
