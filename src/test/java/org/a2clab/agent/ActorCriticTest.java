package org.a2clab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActorCriticTest {

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    @Test
    void fastPathsEqualTheBlocksForward() {
        try (ActorCritic net = new ActorCritic(32, 4, Device.cpu())) {
            float[] obs = new float[20 * 4];
            SplittableRandom r = new SplittableRandom(1);
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) r.nextGaussian();
            }
            PolicyBatch fast = net.evaluate(obs, 20);
            try (NDManager m = net.manager().newSubManager()) {
                NDList blocks = net.forwardBlocks(m.create(obs, new Shape(20, 4)));
                float[] probs = blocks.get(0).softmax(1).toFloatArray();
                assertArrayEquals(probs, fast.actor(), 1e-6f);
                assertArrayEquals(blocks.get(1).toFloatArray(), fast.values(), 1e-6f);
                float[] heads = net.heads(m.create(obs, new Shape(20, 4))).toFloatArray();
                float[] logits = blocks.get(0).toFloatArray();
                float[] values = blocks.get(1).toFloatArray();
                for (int i = 0; i < 20; i++) {
                    assertEquals(logits[2 * i], heads[3 * i], 1e-6f);
                    assertEquals(logits[2 * i + 1], heads[3 * i + 1], 1e-6f);
                    assertEquals(values[i], heads[3 * i + 2], 1e-6f);
                }
            }
        }
    }

    @Test
    void sameSeedSameNetworkAndPyTorchStyleBounds() {
        try (ActorCritic a = new ActorCritic(16, 9, Device.cpu());
                ActorCritic b = new ActorCritic(16, 9, Device.cpu());
                ActorCritic c = new ActorCritic(16, 10, Device.cpu())) {
            for (int i = 0; i < 8; i++) {
                assertArrayEquals(a.parameterArrays().get(i).toFloatArray(), b.parameterArrays().get(i).toFloatArray());
            }
            float[] w1 = a.parameterArrays().get(0).toFloatArray();
            for (float w : w1) {
                assertEquals(0, w, 0.5, "fan_in 4: |w| ≤ 1/√4");
            }
            float[] w2 = a.parameterArrays().get(2).toFloatArray();
            for (float w : w2) {
                assertEquals(0, w, 0.25, "fan_in 16: |w| ≤ 1/√16");
            }
            assertThrows(AssertionError.class, () -> assertArrayEquals(w1, c.parameterArrays().get(0).toFloatArray()));
        }
    }

    @Test
    void probabilitiesAreADistribution() {
        try (ActorCritic net = new ActorCritic(8, 1, Device.cpu())) {
            PolicyBatch p = net.evaluate(new float[][] {{0, 0, 0, 0}, {1, -1, 0.2f, 3}});
            for (int i = 0; i < 2; i++) {
                assertEquals(1.0, p.probLeft(i) + p.probRight(i), 1e-6);
                assertEquals(-(p.probLeft(i) * Math.log(p.probLeft(i)) + p.probRight(i) * Math.log(p.probRight(i))),
                        p.entropy(i), 1e-6);
            }
        }
    }

    @Test
    void gpuWithoutAGpuIsAClearError() {
        if (DjlRuntime.gpuCount() == 0) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DjlRuntime.resolve(DeviceChoice.GPU));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no CUDA GPU"), e.getMessage());
            assertEquals(Device.cpu(), DjlRuntime.resolve(DeviceChoice.AUTO));
        } else {
            assertEquals(Device.gpu(), DjlRuntime.resolve(DeviceChoice.AUTO));
        }
        assertEquals(Device.cpu(), DjlRuntime.resolve(DeviceChoice.CPU));
    }
}
