package org.a2clab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyBatch;
import org.junit.jupiter.api.Test;

class HeatmapTest {
    @Test
    void cellsEqualDirectPolicyEvaluation() {
        DjlRuntime.prepareTrainingThread();
        try (ActorCritic net = new ActorCritic(16, 9, Device.cpu())) {
            Heatmap h = Heatmap.compute(net, 0.3, -0.2, 7, 5);
            assertEquals(7, h.columns());
            assertEquals(5, h.rows());
            assertEquals(-Heatmap.THETA_RANGE, h.thetas()[0], 1e-12);
            assertEquals(Heatmap.THETA_DOT_RANGE, h.thetaDots()[4], 1e-12);
            int[][] samples = {{0, 0}, {6, 4}, {3, 2}, {1, 3}};
            for (int[] s : samples) {
                float[] obs = {0.3f, -0.2f, (float) h.thetas()[s[0]], (float) h.thetaDots()[s[1]]};
                PolicyBatch p = net.evaluate(new float[][] {obs});
                assertEquals(p.probRight(0), h.probRightAt(s[0], s[1]), 1e-6);
                assertEquals(p.values()[0], h.valueAt(s[0], s[1]), 1e-6);
            }
        }
    }
}
