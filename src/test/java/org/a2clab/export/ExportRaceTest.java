package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and load while another process saves the same bundle over and over. */
class ExportRaceTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /**
     * Every export either fails with a message or writes a .zip that loads, and a healthy bundle
     * being saved again is never called damaged: with a save loop in another process, no export
     * and no load fails at all.
     */
    @Test
    void exportsAndLoadsDuringRealSavesNeverFailAndEveryZipLoads() throws Exception {
        Path target = tmp.resolve("b");
        Process saver = ChildJvm.start(SaveLoopProbe.class, target.toString());
        List<String> failures = new ArrayList<>();
        int zips = 0;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("saved", out.readLine(), "the child saved once");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            for (int i = 0; i < 60 && System.nanoTime() < end; i++) {
                Path zip = tmp.resolve("out-" + i + ".zip");
                try {
                    ModelBundle.zip(target, zip);
                    zips++;
                } catch (BundleException e) {
                    failures.add("zip: " + e.getMessage());
                }
                try (LoadedModel m = ModelBundle.load(target, Device.cpu())) {
                    assertEquals(64, m.network().hiddenSize());
                } catch (BundleException e) {
                    failures.add("load: " + e.getMessage());
                }
            }
            assertTrue(saver.isAlive(), "the saves went on during every export");
        } finally {
            saver.destroyForcibly();
            assertTrue(saver.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), failures);
        assertTrue(zips >= 5, "only " + zips + " exports ran");
        for (int i = 0; i < zips; i++) {
            try (LoadedModel m = ModelBundle.load(tmp.resolve("out-" + i + ".zip"), Device.cpu())) {
                assertEquals(64, m.network().hiddenSize(), "out-" + i + ".zip");
            }
        }
    }

    /**
     * A file removed while the export reads it (the directory itself stays): the export fails
     * naming the file, never with "null", and what it does write loads.
     */
    @Test
    void aFileThatVanishesMidExportIsNamed() throws Exception {
        Path b = tmp.resolve("b");
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu())) {
            ModelBundle.save(b, net, SaveTargetTest.RESULT);
        }
        Path chart = b.resolve("chart-x.png");
        AtomicBoolean stop = new AtomicBoolean();
        Thread toggler = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Files.write(chart, new byte[4096]);
                    Files.deleteIfExists(chart);
                } catch (java.io.IOException e) {
                    // the export's rename may race a create; the next round goes on
                }
            }
        });
        toggler.start();
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Path zip = tmp.resolve("v-" + i + ".zip");
                try {
                    ModelBundle.zip(b, zip);
                    try (LoadedModel m = ModelBundle.load(zip, Device.cpu())) {
                        assertEquals(16, m.network().hiddenSize());
                    }
                } catch (BundleException e) {
                    failures.add(e.getMessage());
                }
            }
        } finally {
            stop.set(true);
            toggler.join();
        }
        for (String f : failures) {
            assertTrue(f.contains("cannot write ") && f.contains("chart-x.png disappeared while it was read"), f);
            assertFalse(f.contains("null"), f);
        }
    }
}
