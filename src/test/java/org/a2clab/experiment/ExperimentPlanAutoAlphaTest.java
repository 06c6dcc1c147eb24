package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's experiments vary workers or n as sweep does: an auto α follows each value, an α by hand stays. */
class ExperimentPlanAutoAlphaTest {
    @TempDir
    Path tmp;

    private List<ExperimentEngine.PlannedRun> runs(Hyperparameters base, HyperparameterSpec vary, List<Double> values)
            throws Exception {
        return new ExperimentPlan(base, vary, values, new long[] {1}, new StopRule(1000, 475), 0, 10, 1)
                .runs(new Workspace(tmp.resolve("ws")), LocalDateTime.of(2026, 12, 8, 4, 0));
    }

    @Test
    void autoAlphaIsDerivedPerValueOfWorkersOrN() throws Exception {
        List<ExperimentEngine.PlannedRun> runs = runs(Hyperparameters.DEFAULTS, HyperparameterSpec.NUM_ENVS, List.of(4.0, 32.0));
        for (int i = 0; i < 2; i++) {
            Hyperparameters hp = runs.get(i).settings().hp();
            assertTrue(hp.learningRateDerived());
            assertEquals(BatchScaledLearningRate.CATEGORICAL.learningRate(hp.numEnvs(), hp.nSteps()), hp.learningRate());
        }
        Hyperparameters n20 = runs(Hyperparameters.DEFAULTS, HyperparameterSpec.N_STEPS, List.of(20.0)).get(0).settings().hp();
        assertEquals(BatchScaledLearningRate.CATEGORICAL.learningRate(16, 20), n20.learningRate());
    }

    @Test
    void alphaByHandOrVariedItselfIsNeverDerived() throws Exception {
        Hyperparameters hand = runs(Hyperparameters.DEFAULTS.withLearningRate(1e-3), HyperparameterSpec.NUM_ENVS, List.of(4.0))
                .get(0).settings().hp();
        assertEquals(1e-3, hand.learningRate());
        assertFalse(hand.learningRateDerived());
        Hyperparameters varied = runs(Hyperparameters.DEFAULTS, HyperparameterSpec.LEARNING_RATE, List.of(4e-3))
                .get(0).settings().hp();
        assertEquals(4e-3, varied.learningRate());
        assertFalse(varied.learningRateDerived());
    }
}
