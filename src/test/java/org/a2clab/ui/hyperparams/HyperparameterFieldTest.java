package org.a2clab.ui.hyperparams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class HyperparameterFieldTest {
    @Test
    void logScaleGivesEveryDecadeTheSameTravel() {
        HyperparameterField lr = HyperparameterField.LEARNING_RATE;
        assertEquals(1e-5, lr.toValue(0), 1e-12);
        assertEquals(1e-3, lr.toValue(0.5), 1e-12);
        assertEquals(1e-1, lr.toValue(1), 1e-12);
        assertEquals(0.25, lr.toPosition(1e-4), 1e-12);
    }

    @Test
    void integerFieldsRoundAndClampToTheirSpec() {
        Hyperparameters hp = Hyperparameters.DEFAULTS;
        assertEquals(16, HyperparameterField.N_STEPS.with(hp, 15.6).nSteps());
        assertEquals(128, HyperparameterField.N_STEPS.with(hp, 1e6).nSteps());
        assertEquals(1, HyperparameterField.NUM_ENVS.with(hp, 0).numEnvs());
        assertEquals(256, Math.round(HyperparameterField.NUM_ENVS.toValue(1)));
    }

    @Test
    void valuesAreShownExactly() {
        assertEquals("2.00e-03", HyperparameterField.LEARNING_RATE.format(2e-3));
        assertEquals("0.9900", HyperparameterField.GAMMA.format(0.99));
        assertEquals("8", HyperparameterField.N_STEPS.format(8));
    }

    @Test
    void finalLearningRateStartsAtZeroThenSpansFourDecadesOnALogScale() {
        HyperparameterField f = HyperparameterField.LR_FINAL;
        assertEquals(0, f.toValue(0));
        assertEquals(1e-5, f.toValue(1e-9), 1e-12);
        assertEquals(1e-3, f.toValue(0.5), 1e-12);
        assertEquals(0.1, f.toValue(1), 1e-12);
        assertEquals(0, f.toPosition(0));
        assertEquals(0.25, f.toPosition(1e-4), 1e-12);
        assertEquals(0.0, f.with(Hyperparameters.DEFAULTS, -1).lrFinal());
    }

    @Test
    void lambdaAndDropAreLinearOverTheirSpecs() {
        assertEquals(0.9, HyperparameterField.GAE_LAMBDA.toPosition(0.9), 1e-12);
        assertEquals(0.95, HyperparameterField.GAE_LAMBDA.with(Hyperparameters.DEFAULTS, 0.95).gaeLambda());
        assertEquals(1.0, HyperparameterField.GAE_LAMBDA.with(Hyperparameters.DEFAULTS, 1.2).gaeLambda());
        assertEquals(0.25, HyperparameterField.LR_DROP.toValue(0.25), 1e-12);
        assertEquals("0.900", HyperparameterField.GAE_LAMBDA.format(0.9));
    }
}
