package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void convergesWithDefaultsOnAFixedSeed() throws Exception {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withSeed(1).withDevice(DeviceChoice.CPU);
        Run run = new Run(hp, new RunTest.Recorder());
        run.setBestCheckpoint(null);
        TrainingResult result = run.runToEnd(new StopRule(600_000, 475), (a2c, r, diverged) -> r);
        assertTrue(result.solved(), "not solved: " + result);
        assertTrue(result.meanReturnLast100() >= 475);
        assertTrue(result.episodes() >= 100);
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
    void nativeArraysStayFlatOverManyUpdates() {
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
    }

    /**
     * Native memory stays flat over real retrains of a large network (hidden 1024: about 8 MB
     * of parameters and gradients in libtorch each), several updates each. Measured as the
     * resident set of a JVM of its own whose heap is fixed and touched up front, so only native
     * memory can move it. The allocator settles in the first retrains (it can step up once);
     * after that, 30 more retrains must not add to the highest level seen. A retrain whose
     * network stayed reachable adds about 30 MB each.
     */
    @Test
    void residentMemoryStaysFlatOverRealRetrains() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(javaBinary, "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                RetrainMemoryProbe.class.getName(), "70").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> rss = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().map(Long::parseLong).collect(java.util.stream.Collectors.toList());
        assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(70, rss.size());
        long settled = rss.subList(30, 40).stream().mapToLong(Long::longValue).max().orElseThrow();
        long last = rss.subList(60, 70).stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(last - settled < 100_000, "resident memory grew by " + (last - settled) / 1024
                + " MB over 30 retrains: " + rss);
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
            assertEquals(episodes.size(), a2c.episodes(), "every finished episode is reported once");
            assertEquals(mean, a2c.meanReturnLast100(), 1e-9, "the published mean-100 is the mean of these episodes");
        }
    }

    @Test
    void aNaNWeightStopsTheRunNamingTheUpdateAndPutsBackTheLastGoodNetwork() {
        try (A2c a2c = new A2c(SMALL)) {
            a2c.update();
            float[][] afterFirst = a2c.network().copyParameters();
            a2c.update();
            float[][] poisoned = a2c.network().copyParameters();
            poisoned[2][0] = Float.NaN;
            a2c.network().setParameters(poisoned);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, a2c::update);
            assertEquals(3, e.update());
            // update 2's rollout ran on update 1's parameters: the last ones seen to be finite
            assertEquals(1, e.restoredUpdate());
            assertTrue(e.getMessage().contains("update 3") && e.getMessage().contains("after update 1"), e.getMessage());
            assertParametersEqual(afterFirst, a2c.network().copyParameters());
            assertEquals(2, a2c.updates(), "the refused update is not counted");
        }
    }

    /**
     * A real divergence: a learning rate far beyond the allowed range makes one finite step whose
     * parameters overflow the next forward pass. The network goes back to the parameters before
     * that step, and training goes on from them at a sane learning rate.
     */
    @Test
    void aRealDivergenceRestoresTheLastFiniteNetworkAndTrainingGoesOnFromIt() {
        try (A2c a2c = new A2c(SMALL)) {
            for (int i = 0; i < 3; i++) {
                a2c.update();
            }
            float[][] beforeTheBigStep = a2c.network().copyParameters();
            a2c.forceLearningRate(1e30);
            UpdateStats big = a2c.update();
            assertTrue(Double.isFinite(big.totalLoss()), "the step itself was computed from finite outputs");
            float largest = 0;
            for (float[] p : a2c.network().copyParameters()) {
                for (float v : p) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
            assertTrue(largest > 1e25f, "the step blew the weights up: " + largest);

            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, a2c::update);
            assertEquals(5, e.update());
            assertEquals(3, e.restoredUpdate());
            assertTrue(e.getMessage().contains("restored to its state after update 3"), e.getMessage());
            assertParametersEqual(beforeTheBigStep, a2c.network().copyParameters());

            a2c.setHyperparameters(SMALL.withLearningRate(1e-3));
            for (int i = 0; i < 20; i++) {
                UpdateStats s = a2c.update();
                assertTrue(Double.isFinite(s.totalLoss()) && Double.isFinite(s.gradNorm()), "update " + s.update());
            }
            assertEquals(24, a2c.updates());
            assertTrue(a2c.network().evaluate(new float[][] {{0.1f, -0.2f, 0.03f, 0.4f}}).isFinite());
        }
    }

    private static void assertParametersEqual(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Arrays.equals(expected[i], actual[i]), "parameter array " + i);
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
