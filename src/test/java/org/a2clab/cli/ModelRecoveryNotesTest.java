package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that load a bundle say on stderr what the repair of a killed save did, as train does. */
class ModelRecoveryNotesTest {
    @TempDir
    Path tmp;

    @Test
    void policySaysWhatItRemovedBesideTheBundle() throws Exception {
        DjlRuntime.prepareTrainingThread();
        Path b = tmp.resolve("b");
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16).withDevice(DeviceChoice.CPU);
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu())) {
            ModelBundle.save(b, net, new TrainingResult(false, 1, 1, 1, 0.1, 10, "CPU", hp));
        }
        Process dead = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        dead.waitFor();
        assumeTrue(ProcessHandle.of(dead.pid()).isEmpty(), "pid still in use");
        Path left = Files.createDirectory(tmp.resolve(".b.tmp-" + dead.pid() + "-7a"));
        Files.writeString(left.resolve("model.safetensors"), "half");

        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.a2clab.Launcher", "policy", "--model", b.toString(), "--obs", "0,0,0,0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(err.contains("a2c-lab: removed " + left + ", left by a save that was interrupted"), err);
        assertFalse(Files.exists(left));
    }
}
