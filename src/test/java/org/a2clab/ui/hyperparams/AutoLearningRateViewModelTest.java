package org.a2clab.ui.hyperparams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.PolicyKind;
import org.a2clab.train.BatchScaledLearningRate;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MeasuredGrid;
import org.junit.jupiter.api.Test;

/** Auto α in the settings, and the quiet note of what the measured table says about a cell. */
class AutoLearningRateViewModelTest {
    static final MeasuredGrid GRID = MeasuredGrid.parse(
            "workers,n_steps,lr,seeds,solved,median_env_steps,ci95_lo,ci95_hi\n"
            + "16,5,0.0025,4001-4010,10,80100,70000,92000\n"
            + "8,5,0.00125,4001-4010,10,95000,80000,110000\n"
            + "4,20,0.0025,4001-4010,8,162400,120000,inf\n"
            + "4,5,0.000625,4001-4010,3,,,\n", 400_000);
    static final MeasuredGrid GAUSSIAN_GRID = MeasuredGrid.parse(
            "workers,n_steps,lr,seeds,solved,median_env_steps,ci95_lo,ci95_hi\n"
            + "16,5,0.002,4001-4010,10,104760,100800,325137\n"
            + "8,5,0.00141421,4001-4010,9,270660,149700,523080\n", 1_000_000);

    static HyperparametersViewModel model() {
        return new HyperparametersViewModel(p -> p == PolicyKind.GAUSSIAN ? GAUSSIAN_GRID : GRID);
    }
    static final BatchScaledLearningRate RULE = BatchScaledLearningRate.CATEGORICAL;

    @Test
    void workersAndNMoveAutoAlphaAndMovingAlphaTurnsAutoOffForAlphaOnly() {
        HyperparametersViewModel m = model();
        assertTrue(m.learningRateAuto().get());
        m.set(HyperparameterField.NUM_ENVS, 8);
        assertEquals(RULE.learningRate(8, 5), m.settings().learningRate());
        m.set(HyperparameterField.N_STEPS, 20);
        assertEquals(RULE.learningRate(8, 20), m.settings().learningRate());
        assertTrue(m.learningRateAuto().get());

        m.set(HyperparameterField.LEARNING_RATE, 1e-3);
        assertFalse(m.learningRateAuto().get());
        m.set(HyperparameterField.NUM_ENVS, 32);
        assertEquals(1e-3, m.settings().learningRate(), "α by hand stays where it was put");
        assertEquals(20, m.settings().nSteps(), "workers and n keep their values");

        m.setLearningRateAuto(true);
        assertEquals(RULE.learningRate(32, 20), m.settings().learningRate());
        m.setLearningRateAuto(false);
        assertEquals(RULE.learningRate(32, 20), m.settings().learningRate(), "turning auto off keeps the value");
        assertFalse(m.settings().learningRateDerived());
        m.defaults();
        assertTrue(m.learningRateAuto().get(), "Defaults turns auto back on");
        assertEquals(Hyperparameters.DEFAULTS, m.settings());
    }

    @Test
    void switchingPolicyTakesTheNewPolicysAlphaModeAndComesBackToAuto() {
        HyperparametersViewModel m = model();
        m.set(HyperparameterField.NUM_ENVS, 8);
        m.setPolicy(PolicyKind.GAUSSIAN);
        Hyperparameters g = Hyperparameters.GAUSSIAN_DEFAULTS;
        assertEquals(g.learningRateDerived(), m.settings().learningRateDerived());
        assertEquals(g.learningRateDerived() ? g.withNumEnvs(8).withDerivedLearningRate().learningRate() : g.learningRate(),
                m.settings().learningRate());
        m.setPolicy(PolicyKind.CATEGORICAL);
        assertTrue(m.learningRateAuto().get());
        assertEquals(RULE.learningRate(8, 5), m.settings().learningRate());

        m.set(HyperparameterField.LEARNING_RATE, 4e-3);
        m.setPolicy(PolicyKind.GAUSSIAN);
        assertEquals(4e-3, m.settings().learningRate(), "an α set by hand stays");

        // an α set by hand to the old default's value counts as at the default, as before auto α
        m.setPolicy(PolicyKind.CATEGORICAL);
        m.set(HyperparameterField.LEARNING_RATE, Hyperparameters.DEFAULTS.learningRate());
        m.setPolicy(PolicyKind.GAUSSIAN);
        assertEquals(g.learningRateDerived() ? g.withNumEnvs(8).withDerivedLearningRate().learningRate() : g.learningRate(),
                m.settings().learningRate());
    }

    @Test
    void theNoteSpeaksOnlyOutsideTheMeasuredGoodRegion() {
        HyperparametersViewModel m = model();
        var note = m.measuredNote();
        assertEquals("", note.get(), "16 × 5 with auto α: measured and good");
        m.set(HyperparameterField.NUM_ENVS, 8);
        assertEquals("", note.get());
        m.set(HyperparameterField.NUM_ENVS, 4);
        m.set(HyperparameterField.N_STEPS, 20);
        assertEquals("Measured at 4 workers × 20: 8/10 solved within 400k, median 162k", note.get());
        m.set(HyperparameterField.N_STEPS, 5);
        assertEquals("Measured at 4 workers × 5: 3/10 solved within 400k, median over 400k", note.get());
        m.set(HyperparameterField.NUM_ENVS, 12);
        assertEquals("Not measured: the table covers workers 4, 8, 16 × n 5, 20", note.get());
        m.set(HyperparameterField.LEARNING_RATE, 1e-3);
        assertEquals("Not measured: the table covers workers 4, 8, 16 × n 5, 20, with auto α only", note.get());
        m.set(HyperparameterField.NUM_ENVS, 16);
        assertEquals("Measured with auto α only (0.0025 at 16 workers × 5): 10/10 solved within 400k, median 80k",
                note.get());
        m.defaults();
        assertEquals("", note.get());
        assertEquals("Not measured: the table is empty", new HyperparametersViewModel(p -> MeasuredGrid.parse("", 400_000)).measuredNote().get());
    }

    /** The README's notes against the table shipped with A2C Lab: silent on its good cells only. */
    @Test
    void theBundledTableSpeaksForEveryCellOutsideTheGoodRegion() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        var note = m.measuredNote();
        MeasuredGrid grid = MeasuredGrid.bundled(PolicyKind.CATEGORICAL);
        for (MeasuredGrid.Cell c : grid.cells()) {
            m.set(HyperparameterField.NUM_ENVS, c.workers());
            m.set(HyperparameterField.N_STEPS, c.nSteps());
            assertEquals(c.learningRate(), m.settings().learningRate(), 1e-5 * c.learningRate(), "the table measured auto α");
            if (c.good()) {
                assertEquals("", note.get(), c.toString());
            } else {
                assertTrue(note.get().startsWith("Measured at " + c.workers() + " workers × " + c.nSteps() + ": "
                        + c.solved() + "/" + c.seeds() + " solved within 400k, median "), note.get());
            }
        }
        if (grid.workers().equals(java.util.List.of(4, 8, 16, 32, 64)) && grid.nSteps().equals(java.util.List.of(5, 10, 20))) {
            m.set(HyperparameterField.NUM_ENVS, 12);
            assertEquals("Not measured: the table covers workers 4, 8, 16, 32, 64 × n 5, 10, 20", note.get());
        }
    }

    @Test
    void theGaussianPolicySpeaksFromItsOwnTable() {
        HyperparametersViewModel m = model();
        m.setPolicy(PolicyKind.GAUSSIAN);
        assertEquals("", m.measuredNote().get());
        m.set(HyperparameterField.NUM_ENVS, 8);
        assertEquals(BatchScaledLearningRate.GAUSSIAN.learningRate(8, 5), m.settings().learningRate());
        assertEquals("Measured at 8 workers × 5: 9/10 solved within 1M, median 271k", m.measuredNote().get());
        m.set(HyperparameterField.NUM_ENVS, 4);
        assertEquals("Not measured: the table covers workers 8, 16 × n 5", m.measuredNote().get());
    }
}
