package org.a2clab.export;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/**
 * Run in a JVM of its own by KilledBestSaveTest: saves a final and a best bundle to one path
 * over and over until killed, as train --save does at its end. Save number i has env_steps i in
 * both manifests, so a test can tell whether the two on disk come from the same save.
 */
public final class SaveBestLoopProbe {
    static final Hyperparameters HP = Hyperparameters.DEFAULTS.withHiddenSize(16).withDevice(DeviceChoice.CPU);

    private SaveBestLoopProbe() {
    }

    static TrainingResult result(long i) {
        return new TrainingResult(false, i, 1, 1, 0.1, 10, "CPU", HP);
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        DjlRuntime.prepareTrainingThread();
        try (ActorCritic net = new ActorCritic(16, 1, Device.cpu()); ActorCritic best = new ActorCritic(16, 2, Device.cpu())) {
            for (long i = 1; ; i++) {
                ModelBundle.save(target, net, result(i), null, Map.of(), Checkpoint.FINAL_UNEVALUATED,
                        new ModelBundle.Best(best, new Checkpoint(Checkpoint.Kind.BEST, 500, i, 10)));
                if (i == 1) {
                    System.out.println("saved");
                    System.out.flush();
                }
            }
        }
    }
}
