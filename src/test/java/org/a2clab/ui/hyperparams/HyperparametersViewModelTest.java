package org.a2clab.ui.hyperparams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.OptimizerKind;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class HyperparametersViewModelTest {
    @Test
    void onlyRetrainFieldsThatDifferFromTheRunningSessionArePending() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        m.appliedProperty().set(Hyperparameters.DEFAULTS);
        m.set(HyperparameterField.LEARNING_RATE, 1e-4);
        assertFalse(m.pendingRetrain(HyperparameterField.LEARNING_RATE).get(), "live fields never wait");
        assertEquals("", m.pendingRetrainSummary().get());

        m.set(HyperparameterField.N_STEPS, Hyperparameters.DEFAULTS.nSteps() == 32 ? 64 : 32);
        m.setOptimizer(Hyperparameters.DEFAULTS.optimizer() == OptimizerKind.ADAM ? OptimizerKind.RMSPROP : OptimizerKind.ADAM);
        assertTrue(m.pendingRetrain(HyperparameterField.N_STEPS).get());
        assertFalse(m.pendingRetrain(HyperparameterField.NUM_ENVS).get());
        assertEquals("n-step n, optimizer", m.pendingRetrainSummary().get());

        m.appliedProperty().set(m.settings());
        assertFalse(m.pendingRetrain(HyperparameterField.N_STEPS).get());
    }

    @Test
    void nothingIsPendingWithoutARunAndDefaultsRestoreEverything() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        m.set(HyperparameterField.HIDDEN_SIZE, 64);
        m.setSeed(7);
        assertFalse(m.pendingRetrain(HyperparameterField.HIDDEN_SIZE).get());
        assertEquals(64, m.settings().hiddenSize());
        m.defaults();
        assertEquals(Hyperparameters.DEFAULTS, m.settings());
        Hyperparameters opened = Hyperparameters.DEFAULTS.withHiddenSize(32).withSeed(9);
        m.load(opened);
        assertEquals(opened, m.settings());
    }
}
