package org.a2clab.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;

/**
 * Run in a JVM of its own by A2cTrainingTest: retrains a large network N times, a few updates
 * each, and prints the resident set size (kB) after each retrain, one number per line.
 */
public final class RetrainMemoryProbe {
    private RetrainMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int retrains = Integer.parseInt(args[0]);
        DjlRuntime.prepareTrainingThread();
        Hyperparameters hp = Hyperparameters.DEFAULTS.withNumEnvs(4).withNSteps(5).withHiddenSize(1024)
                .withDevice(DeviceChoice.CPU);
        for (int r = 0; r < retrains; r++) {
            try (A2c a2c = new A2c(hp.withSeed(r))) {
                for (int i = 0; i < 5; i++) {
                    a2c.update();
                }
            }
            System.out.println(residentKb());
        }
    }

    static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }
}
