package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class A2cTrainingTest {
    static final Hyperparameters SMALL = Hyperparameters.DEFAULTS.withNumEnvs(4).withNSteps(5)
            .withHiddenSize(32).withSeed(3).withDevice(DeviceChoice.CPU);

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /** The default settings and a fixed seed solve CartPole-v1 (mean of last 100 ≥ 475). */
    @Test
    void convergesWithDefaultsOnAFixedSeed() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(1).withDevice(DeviceChoice.CPU);
        StopRule rule = new StopRule(600_000, 475);
        try (A2c a2c = new A2c(hp)) {
            TrainingResult result = rule.runUntilDone(a2c, (algo, stats) -> { });
            assertTrue(result.solved(), "not solved: " + result);
            assertTrue(result.meanReturnLast100() >= 475);
            assertTrue(result.episodes() >= 100);
        }
    }

    @Test
    void sameSeedGivesTheIdenticalMetricsStream() {
        List<String> first = metrics(SMALL, 150);
        List<String> second = metrics(SMALL, 150);
        assertEquals(first, second);
        assertFalse(first.equals(metrics(SMALL.withSeed(4), 150)), "another seed differs");
    }

    private static List<String> metrics(Hyperparameters hp, int updates) {
        List<String> out = new ArrayList<>();
        try (A2c a2c = new A2c(hp)) {
            for (int i = 0; i < updates; i++) {
                UpdateStats s = a2c.update();
                // everything but wall-clock time
                out.add(Arrays.toString(new double[] {s.update(), s.envSteps(), s.episodes(),
                        s.policyLoss(), s.valueLoss(), s.entropy(), s.totalLoss(), s.explainedVariance(),
                        s.gradNorm(), s.meanReturnLast100(), s.value().mean(), s.advantage().std()}));
                a2c.finishedEpisodes().forEach(e -> out.add(e.toString()));
            }
        }
        return out;
    }

    @Test
    void nativeResourcesStayFlatOverManyUpdatesAndRetrains() {
        NDManager system;
        try (NDManager base = NDManager.newBaseManager()) {
            system = base.getParentManager();
        }
        int systemBefore = system.getManagedArrays().size();
        try (A2c a2c = new A2c(SMALL)) {
            for (int i = 0; i < 20; i++) {
                a2c.update();
            }
            int modelArrays = countArrays(a2c.network().manager());
            for (int i = 0; i < 2000; i++) {
                a2c.update();
            }
            assertEquals(modelArrays, countArrays(a2c.network().manager()), "arrays on the model's manager");
        }
        for (int retrain = 0; retrain < 30; retrain++) {
            try (A2c a2c = new A2c(SMALL.withSeed(retrain))) {
                a2c.update();
            }
        }
        // other tests' arrays may be freed meanwhile, so the count may drop but must not grow
        int systemAfter = system.getManagedArrays().size();
        assertTrue(systemAfter <= systemBefore, "arrays left on the system manager: " + systemBefore + " -> " + systemAfter);
    }

    private static int countArrays(NDManager manager) {
        return manager.getManagedArrays().size();
    }

    @Test
    void episodeStatisticsAreWholeEpisodes() {
        try (A2c a2c = new A2c(SMALL)) {
            List<EpisodeStats> episodes = new ArrayList<>();
            while (episodes.size() < 30) {
                a2c.update();
                episodes.addAll(a2c.finishedEpisodes());
            }
            for (EpisodeStats e : episodes) {
                assertEquals(e.length(), e.episodeReturn(), 0.0, "reward 1 per step");
                assertTrue(e.terminated() || e.truncated());
                assertTrue(e.length() >= 8, "CartPole episodes last at least ~8 steps: " + e);
            }
            double mean = episodes.subList(episodes.size() - Math.min(100, episodes.size()), episodes.size())
                    .stream().mapToDouble(EpisodeStats::episodeReturn).average().orElseThrow();
            assertTrue(a2c.episodes() >= episodes.size());
            assertTrue(mean > 0);
        }
    }

    @Test
    void divergingRunStopsWithAnErrorNamingTheUpdate() {
        try (A2c a2c = new A2c(SMALL)) {
            a2c.update();
            a2c.update();
            NDArray firstWeights = a2c.network().parameterArrays().get(2);
            float[] poisoned = firstWeights.toFloatArray();
            poisoned[0] = Float.NaN;
            firstWeights.set(poisoned);
            a2c.network().parametersChanged();
            float[] critic = a2c.network().parameterArrays().get(6).toFloatArray();
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, a2c::update);
            assertEquals(3, e.update());
            assertTrue(e.getMessage().contains("update 3"), e.getMessage());
            assertTrue(Arrays.equals(critic, a2c.network().parameterArrays().get(6).toFloatArray()),
                    "no step was taken with a NaN loss");
        }
    }

    @Test
    void liveHyperparametersApplyAndRetrainOnlyOnesAreRefused() {
        try (A2c a2c = new A2c(SMALL)) {
            a2c.setHyperparameters(SMALL.withLearningRate(1e-4).withEntropyCoef(0.05).withGamma(0.9));
            UpdateStats s = a2c.update();
            assertEquals(1e-4, s.learningRate(), 1e-9);
            assertEquals(0.9, a2c.hyperparameters().gamma());
            assertThrows(IllegalArgumentException.class, () -> a2c.setHyperparameters(SMALL.withNSteps(7)));
            assertThrows(IllegalArgumentException.class, () -> a2c.setHyperparameters(SMALL.withHiddenSize(64)));
        }
    }
}
