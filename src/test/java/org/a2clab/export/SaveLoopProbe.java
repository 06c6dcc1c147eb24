package org.a2clab.export;

import ai.djl.Device;
import java.nio.file.Path;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/** Run in a JVM of its own by KilledSaveTest: saves a bundle to one path over and over until killed. */
public final class SaveLoopProbe {
    private SaveLoopProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        DjlRuntime.prepareTrainingThread();
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(64).withDevice(DeviceChoice.CPU);
        TrainingResult result = new TrainingResult(false, 1, 1, 1, 0.1, 10, "CPU", hp);
        try (ActorCritic net = new ActorCritic(64, 1, Device.cpu())) {
            for (long i = 0; ; i++) {
                ModelBundle.save(target, net, result);
                if (i == 0) {
                    System.out.println("saved");
                    System.out.flush();
                }
            }
        }
    }
}
