package org.a2clab.ui.hyperparams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;
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

    @Test
    void lambdaNormalizationAndTheScheduleApplyLiveAndNeverWaitForARetrain() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        m.appliedProperty().set(Hyperparameters.DEFAULTS);
        m.set(HyperparameterField.GAE_LAMBDA, 0.5);
        m.setNormalizeAdvantage(false);
        m.setLrSchedule(LrSchedule.LINEAR);
        m.set(HyperparameterField.LR_FINAL, 1e-4);
        m.setLrDecaySteps(200_000);
        m.set(HyperparameterField.LR_DROP, 0.5);
        Hyperparameters hp = m.settings();
        assertEquals(0.5, hp.gaeLambda());
        assertFalse(hp.normalizeAdvantage());
        assertEquals(LrSchedule.LINEAR, hp.lrSchedule());
        assertEquals(1e-4, hp.lrFinal());
        assertEquals(200_000, hp.lrDecaySteps());
        assertEquals(0.5, hp.lrDrop());
        assertEquals("", m.pendingRetrainSummary().get());
        assertFalse(m.pendingRetrain(HyperparameterField.GAE_LAMBDA).get());
        assertFalse(Hyperparameters.DEFAULTS.needsRestartFor(hp));

        m.setLrDecaySteps(0);
        assertEquals(1, m.settings().lrDecaySteps(), "clamped to the spec's range");
    }

    @Test
    void scheduleSettingsAreEnabledOnlyWithTheirSchedule() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        var linear = m.scheduleIs(LrSchedule.LINEAR);
        var drop = m.scheduleIs(LrSchedule.DROP_ON_SOLVE);
        assertEquals(Hyperparameters.DEFAULTS.lrSchedule() == LrSchedule.LINEAR, linear.get());
        m.setLrSchedule(LrSchedule.DROP_ON_SOLVE);
        assertFalse(linear.get());
        assertTrue(drop.get());
        m.setLrSchedule(LrSchedule.LINEAR);
        assertTrue(linear.get());
        assertFalse(drop.get());
    }

    @Test
    void switchingPolicyMovesSettingsStillAtTheirDefaultsAndKeepsEditedOnes() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        m.set(HyperparameterField.HIDDEN_SIZE, 64);
        m.setPolicy(PolicyKind.GAUSSIAN);
        Hyperparameters g = Hyperparameters.GAUSSIAN_DEFAULTS;
        assertEquals(PolicyKind.GAUSSIAN, m.settings().policy());
        assertEquals(g.learningRate(), m.settings().learningRate(), "α follows the Gaussian default");
        assertEquals(g.entropyCoef(), m.settings().entropyCoef(), "β follows the Gaussian default");
        assertEquals(64, m.settings().hiddenSize(), "an edited setting stays");
        assertEquals(g.withHiddenSize(64), m.settings());

        m.set(HyperparameterField.LEARNING_RATE, 3e-4);
        m.set(HyperparameterField.INITIAL_LOG_STD, -0.5);
        m.setPolicy(PolicyKind.CATEGORICAL);
        assertEquals(3e-4, m.settings().learningRate(), 1e-15, "the user's α stays");
        assertEquals(Hyperparameters.DEFAULTS.entropyCoef(), m.settings().entropyCoef(), "β back to the categorical default");
        assertEquals(-0.5, m.settings().initialLogStd(), 1e-12);
    }

    @Test
    void defaultsAreThoseOfTheChosenPolicyAndAPolicySwitchWaitsForARetrain() {
        HyperparametersViewModel m = new HyperparametersViewModel();
        m.appliedProperty().set(Hyperparameters.DEFAULTS);
        m.setPolicy(PolicyKind.GAUSSIAN);
        m.set(HyperparameterField.INITIAL_LOG_STD, -1);
        assertTrue(m.pendingRetrain(HyperparameterField.INITIAL_LOG_STD).get());
        assertTrue(m.pendingRetrainSummary().get().contains("initial log σ"), m.pendingRetrainSummary().get());
        assertTrue(m.pendingRetrainSummary().get().endsWith("policy"), m.pendingRetrainSummary().get());
        assertTrue(m.policyUses("init_log_std").get());
        m.set(HyperparameterField.GAMMA, 0.9);
        m.defaults();
        assertEquals(Hyperparameters.GAUSSIAN_DEFAULTS, m.settings());
        m.setPolicy(PolicyKind.CATEGORICAL);
        assertEquals(Hyperparameters.DEFAULTS, m.settings(), "from Gaussian defaults, switching back gives the categorical ones");
        assertFalse(m.policyUses("init_log_std").get());
    }
}
