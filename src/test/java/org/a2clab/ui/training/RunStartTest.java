package org.a2clab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.a2clab.train.Summary;
import org.a2clab.train.UpdateStats;
import org.junit.jupiter.api.Test;

class RunStartTest {
    private static final Summary MU = new Summary(0.25, 0.5, -0.7, 0.9);
    private static final Summary SIGMA = new Summary(0.6, 0.05, 0.5, 0.7);

    private static UpdateStats gaussianUpdate() {
        Summary s = new Summary(0.5, 0.1, 0.3, 0.7);
        return new UpdateStats(3, 240, 2, 0.1, 0.2, 1.1, 0.3, 0.4, 0.5, 1e-3, s, s, s, s, 20, 1000, 2.0, MU, SIGMA);
    }

    @Test
    void continuingAGaussianRunKeepsTheMeanAndSpreadOfMuAndSigma() {
        RunStart start = new RunStart(100, 50_000, 300, 10, -1, Double.NaN, List.of(), List.of());
        UpdateStats shifted = start.shift(gaussianUpdate());
        assertEquals(103, shifted.update());
        assertEquals(50_240, shifted.envSteps());
        assertEquals(12.0, shifted.trainingSeconds(), 1e-12);
        assertSame(MU, shifted.actionMean());
        assertSame(SIGMA, shifted.actionStd());
    }
}
