package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.a2clab.train.Hyperparameters;
import org.a2clab.agent.PolicyKind;
import org.junit.jupiter.api.Test;

/** A run's automatic name leads with what differs from its policy's defaults, then what differs between the runs listed. */
class SettingsTextTest {
    private static final Hyperparameters D = Hyperparameters.DEFAULTS;

    @Test
    void aRunAtTheDefaultsSaysSo() {
        assertEquals("defaults · seed 3", SettingsText.name(D.withSeed(3), List.of()));
    }

    @Test
    void onlyTheChangedSettingsAreNamedTheLearnersFirstChoicesFirst() {
        assertEquals("α 1e-3 · seed 3", SettingsText.name(D.withLearningRate(1e-3).withSeed(3), List.of()));
        assertEquals("α 1e-3 · 8 workers · γ 0.99 · seed 3",
                SettingsText.name(D.withGamma(0.99).withNumEnvs(8).withLearningRate(1e-3).withSeed(3), List.of()));
    }

    @Test
    void aValueThatOnlyReadsLikeTheDefaultIsStillNamed() {
        assertEquals("α 2.5e-3 · seed 3", SettingsText.name(D.withLearningRate(2.5001e-3).withSeed(3), List.of()));
    }

    @Test
    void runsDifferingOnlyInTheSeedReadApartByIt() {
        Hyperparameters a = D.withLearningRate(1e-3).withSeed(1);
        Hyperparameters b = D.withLearningRate(1e-3).withSeed(2);
        List<String> differing = SettingsText.differing(List.of(a, b));
        assertEquals(List.of(), differing);
        assertEquals("α 1e-3 · seed 1", SettingsText.name(a, differing));
        assertEquals("α 1e-3 · seed 2", SettingsText.name(b, differing));
    }

    @Test
    void aSettingThatDiffersBetweenTheListedRunsIsNamedEvenAtItsDefault() {
        Hyperparameters a = D.withSeed(1);
        Hyperparameters b = D.withGamma(0.99).withSeed(1);
        List<String> differing = SettingsText.differing(List.of(a, b));
        assertEquals("γ 0.98 · seed 1", SettingsText.name(a, differing));
        assertEquals("γ 0.99 · seed 1", SettingsText.name(b, differing));
        assertNotEquals(SettingsText.name(a, differing), SettingsText.name(b, differing));
    }

    @Test
    void aGaussianRunIsComparedWithTheGaussianDefaults() {
        assertEquals("policy gaussian · seed 3", SettingsText.name(Hyperparameters.GAUSSIAN_DEFAULTS.withSeed(3), List.of()));
        assertEquals("policy gaussian · α 1e-3 · seed 3",
                SettingsText.name(Hyperparameters.GAUSSIAN_DEFAULTS.withLearningRate(1e-3).withSeed(3), List.of()));
        // the categorical defaults under a Gaussian policy: its α, β and log σ are not the Gaussian's
        assertEquals("policy gaussian · α 2.5e-3 · β 0 · init log std 0 · seed 3",
                SettingsText.name(D.withPolicy(PolicyKind.GAUSSIAN).withSeed(3), List.of()));
    }
}
