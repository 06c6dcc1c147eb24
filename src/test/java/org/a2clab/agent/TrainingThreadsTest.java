package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.a2clab.train.A2c;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

/**
 * Two trainings at once, each on a thread of its own, end with exactly the weights each reaches
 * alone: libtorch and MKL keep their thread settings per thread, and a thread that did not pin
 * them computed differently while another thread was busy.
 */
class TrainingThreadsTest {
    private static Callable<float[][]> training(long seed) {
        return () -> {
            DjlRuntime.prepareTrainingThread();
            try (A2c a2c = new A2c(Hyperparameters.DEFAULTS.withSeed(seed).withDevice(DeviceChoice.CPU))) {
                for (int i = 0; i < 300; i++) {
                    a2c.update();
                }
                float[][] w = new float[8][];
                for (int i = 0; i < 8; i++) {
                    w[i] = a2c.network().parameterArrays().get(i).toFloatArray();
                }
                return w;
            }
        };
    }

    @Test
    void parallelTrainingsEndWithTheWeightsOfSerialOnes() throws Exception {
        ExecutorService one = Executors.newFixedThreadPool(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            float[][] aAlone = one.submit(training(21)).get();
            float[][] bAlone = one.submit(training(22)).get();
            Future<float[][]> a = two.submit(training(21));
            Future<float[][]> b = two.submit(training(22));
            for (int i = 0; i < 8; i++) {
                assertArrayEquals(aAlone[i], a.get()[i], "seed 21, parameter " + i);
                assertArrayEquals(bAlone[i], b.get()[i], "seed 22, parameter " + i);
            }
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
