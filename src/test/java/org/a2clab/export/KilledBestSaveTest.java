package org.a2clab.export;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train --save DIR keeps the final network at DIR and the best one at DIR/best. A kill -9 while
 * they are saved leaves the old pair or the new pair, and the next save to DIR is accepted.
 */
class KilledBestSaveTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** Env steps of the final and the best bundle at {@code dir}, which must both load. */
    private static long[] pair(Path dir) throws BundleException {
        try (LoadedModel f = ModelBundle.load(dir, Device.cpu());
                LoadedModel b = ModelBundle.load(dir.resolve(ModelBundle.BEST_DIR), Device.cpu())) {
            assertEquals(Checkpoint.Kind.FINAL, f.manifest().checkpoint().kind());
            assertEquals(Checkpoint.Kind.BEST, b.manifest().checkpoint().kind());
            return new long[] {f.training().envSteps(), b.training().envSteps()};
        }
    }

    @Test
    void aKillWhileSavingTheFinalAndBestBundlesLeavesOnePairAndTheNextSaveIsAccepted() throws Exception {
        Path target = tmp.resolve("run");
        for (int delayMs : new int[] {0, 4, 11, 23, 47, 95}) {
            Process p = ChildJvm.start(SaveBestLoopProbe.class, target.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("saved", out.readLine(), "the child saved once");
            Thread.sleep(delayMs); // the moment of the kill, not a wait for a condition
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));

            List<String> notes = ModelBundle.recoverInterruptedSave(target);
            long[] pair = pair(target);
            assertEquals(pair[0], pair[1], "final and best of one save, after a kill at " + delayMs + " ms: " + notes);
            ModelBundle.checkSaveTarget(target); // train --save DIR is accepted again
            assertEquals(List.of(), hidden(tmp), "beside the bundle after a kill at " + delayMs + " ms, " + notes);
            assertEquals(List.of(), hidden(target), "inside the bundle after a kill at " + delayMs + " ms, " + notes);
        }
        try (ActorCritic net = new ActorCritic(16, 3, Device.cpu()); ActorCritic best = new ActorCritic(16, 4, Device.cpu())) {
            ModelBundle.save(target, net, SaveBestLoopProbe.result(1_000_000), null, Map.of(),
                    Checkpoint.FINAL_UNEVALUATED, new ModelBundle.Best(best, new Checkpoint(Checkpoint.Kind.BEST, 500, 7, 10)));
        }
        assertEquals(1_000_000, pair(target)[1], "a later save replaced the pair");
    }

    /**
     * What earlier versions left after a kill between their two saves (final at DIR, then best
     * by a second swap inside it): the next save or load repairs it and says so.
     */
    @Test
    void leftoversOfASecondSwapInsideTheBundleAreRepaired() throws Exception {
        long dead = SpecialFiles.deadPid();
        Path target = tmp.resolve("run");
        try (ActorCritic net = new ActorCritic(16, 3, Device.cpu())) {
            ModelBundle.save(target, net, SaveBestLoopProbe.result(5));
            ModelBundle.save(tmp.resolve("spare"), net, SaveBestLoopProbe.result(4), null, Map.of(),
                    new Checkpoint(Checkpoint.Kind.BEST, 500, 4, 10));
        }
        Path half = Files.createDirectory(target.resolve(".best.tmp-" + dead + "-9f"));
        Files.writeString(half.resolve("model.safetensors"), "half");
        String refused = assertThrows(BundleException.class, () -> ModelBundle.checkSaveTarget(target)).getMessage();
        assertTrue(refused.contains(".best.tmp-" + dead + "-9f"), refused);

        List<String> notes = ModelBundle.recoverInterruptedSave(target);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("removed ") && notes.get(0).contains(half.toString()), notes.toString());
        ModelBundle.checkSaveTarget(target);

        // killed between the best swap's two renames: the previous best/ is put back
        Files.move(tmp.resolve("spare"), target.resolve(".best.old-" + dead + "-8e"));
        try (LoadedModel m = ModelBundle.load(target, Device.cpu())) {
            assertEquals(5, m.training().envSteps());
        }
        try (LoadedModel b = ModelBundle.load(target.resolve(ModelBundle.BEST_DIR), Device.cpu())) {
            assertEquals(Checkpoint.Kind.BEST, b.manifest().checkpoint().kind());
        }
        assertEquals(List.of(), hidden(target), "the load put best/ back and left nothing hidden");
        assertFalse(Files.exists(half));
    }
}
