package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.PolicyKind;
import org.a2clab.env.CartPole;
import org.a2clab.env.StepResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A2C with the Gaussian policy: what a rollout records, reproducibility, greedy acting, convergence. */
class GaussianTrainingTest {
    static final Hyperparameters SMALL = Hyperparameters.GAUSSIAN_DEFAULTS.withNumEnvs(4).withNSteps(5)
            .withHiddenSize(32).withSeed(3).withDevice(DeviceChoice.CPU);

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
    }

    /**
     * The Gaussian defaults and a fixed seed solve CartPole-v1 (mean of the last 100 returns
     * ≥ 475): seed 4, one of the tuning seeds, in 88k env steps (≈ 2–4 s on a 2-core AMD EPYC). The
     * issue's budget of 1M steps leaves room for another CPU's kernels (3 of 10 held-out seeds
     * needed 500k–650k here); it costs nothing where the run solves early; a policy that does not learn
     * (e.g. the categorical α 0.0025 and β 0, whose σ collapses) ends far below.
     */
    @Test
    void convergesWithTheGaussianDefaultsOnAFixedSeed() throws Exception {
        Hyperparameters hp = Hyperparameters.GAUSSIAN_DEFAULTS.withSeed(4).withDevice(DeviceChoice.CPU);
        Run run = new Run(hp, new RunTest.Recorder());
        run.setBestCheckpoint(null);
        run.runToEnd(new StopRule(1_000_000, 475), (a2c, result, diverged) -> {
            assertEquals(PolicyKind.GAUSSIAN, a2c.network().policy());
            assertTrue(result.solved(), "not solved: " + result);
            assertTrue(result.meanReturnLast100() >= 475);
            // acting with μ, the network of the solving update keeps the pole up (the target
            // is a greedy mean ≥ 475); measured 500 in all 10 episodes here, an untrained one ≈ 10–30
            double[] greedy = GreedyEvaluation.returns(a2c.network(), 10, 1000);
            EvaluationResult sampled = Evaluation.run(a2c.network(), 10, false, 1000);
            assertTrue(GreedyEvaluation.mean(greedy) >= 475,
                    "greedy with μ: " + Arrays.toString(greedy) + " sampled: " + Arrays.toString(sampled.returns()));
            return null;
        });
    }

    @Test
    void framesSnapshotsAndStatisticsCarryMuSigmaActionForceAndLogProb() {
        try (A2c a2c = new A2c(SMALL)) {
            int clipped = 0;
            for (int u = 0; u < 30; u++) {
                UpdateStats stats = a2c.update();
                assertEquals(PolicyKind.GAUSSIAN, stats.policy());
                assertNotNull(stats.actionStd());
                assertTrue(stats.actionStd().min() >= Math.exp(GaussianPolicy.LOG_STD_MIN) - 1e-7);
                assertEquals(GaussianPolicy.HALF_LOG_2PI_E, stats.entropy() - meanLogStd(a2c.snapshot()), 1e-4,
                        "entropy = ½ log 2πe + mean log σ");
                RolloutSnapshot snap = a2c.snapshot();
                assertEquals(PolicyKind.GAUSSIAN, snap.policy());
                assertEquals(20, snap.means().length);
                assertEquals(stats.actionMean().mean(), mean(snap.means()), 1e-5);
                for (int i = 0; i < snap.means().length; i++) {
                    assertEquals(GaussianPolicy.probPositive(snap.means()[i], snap.stds()[i]), snap.probRight()[i], 1e-6);
                }
                for (WorkerFrame f : a2c.workerFrames()) {
                    GaussianAction g = f.gaussian();
                    assertEquals(PolicyKind.GAUSSIAN, f.policy());
                    assertEquals(CartPole.force(g.action()), g.force(), 0);
                    assertEquals(g.force() > 0 ? 1 : 0, f.action());
                    assertEquals(GaussianPolicy.logProb(g.action(), g.mean(), Math.log(g.std())), g.logProb(), 1e-12);
                    assertEquals(GaussianPolicy.probPositive(g.mean(), g.std()), f.probRight(), 1e-6);
                    clipped += g.clipped() ? 1 : 0;
                }
                // worker 0's frames replay with the recorded forces: the env saw exactly those actions
                List<WorkerFrame> frames = a2c.workerFrames();
                for (int t = 0; t + 1 < frames.size(); t++) {
                    WorkerFrame f = frames.get(t);
                    if (f.terminated() || f.truncated()) {
                        continue;
                    }
                    CartPole env = new CartPole(0);
                    double[] s = f.state();
                    env.setState(s[0], s[1], s[2], s[3]);
                    env.stepContinuous(f.gaussian().action());
                    assertArrayEquals(frames.get(t + 1).state(), env.state(), 0.0, "t=" + t);
                }
            }
            assertTrue(clipped > 0, "with σ ≈ 1 some sampled actions lie beyond ±1");
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        assertEquals(run(SMALL), run(SMALL));
        assertFalse(run(SMALL).equals(run(SMALL.withSeed(4))));
    }

    private static List<String> run(Hyperparameters hp) {
        List<String> out = new ArrayList<>();
        try (A2c a2c = new A2c(hp)) {
            for (int i = 0; i < 40; i++) {
                UpdateStats s = a2c.update();
                out.add(Arrays.toString(new double[] {s.envSteps(), s.episodes(), s.policyLoss(), s.valueLoss(),
                        s.entropy(), s.gradNorm(), s.actionMean().mean(), s.actionStd().mean()}));
                a2c.workerFrames().forEach(f -> out.add(f.gaussian().toString()));
            }
        }
        return out;
    }

    @Test
    void greedyActsWithMuAndSampledDrawsFromTheSeed() {
        try (ActorCritic net = new ActorCritic(PolicyKind.GAUSSIAN, 16, 5, Device.cpu(), 0)) {
            // greedy by hand: a = μ(s) every step
            CartPole env = new CartPole(77);
            float[] obs = env.reset();
            double manual = 0;
            while (true) {
                PolicyBatch p = net.evaluate(new float[][] {obs});
                StepResult r = env.stepContinuous(p.mean(0));
                manual += r.reward();
                obs = r.observation();
                if (r.done()) {
                    break;
                }
            }
            assertEquals(manual, GreedyEvaluation.returns(net, 1, 77)[0]);
            assertEquals(manual, Evaluation.run(net, 1, true, 77).returns()[0]);
            EvaluationResult sampled = Evaluation.run(net, 5, false, 9);
            assertArrayEquals(sampled.returns(), Evaluation.run(net, 5, false, 9).returns());
        }
    }

    @Test
    void aNetworkKeepsItsPolicyKind() {
        ActorCritic categorical = new ActorCritic(32, 1, Device.cpu());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new A2c(SMALL, categorical));
        assertTrue(e.getMessage().contains("categorical policy but hyperparameters say gaussian"), e.getMessage());
        categorical.close();
        try (A2c a2c = new A2c(SMALL)) {
            assertThrows(IllegalArgumentException.class,
                    () -> a2c.setHyperparameters(SMALL.withPolicy(PolicyKind.CATEGORICAL)));
            assertTrue(SMALL.needsRestartFor(SMALL.withPolicy(PolicyKind.CATEGORICAL)));
            assertTrue(SMALL.needsRestartFor(SMALL.withInitialLogStd(-1)));
            a2c.setHyperparameters(SMALL.withEntropyCoef(0.02));
        }
    }

    @Test
    void theBestCheckpointOfAGaussianRunIsAGaussianNetworkWithItsWeights() {
        BestCheckpoint best = new BestCheckpoint(20, 1, net -> 1);
        try (A2c a2c = new A2c(SMALL)) {
            a2c.update();
            best.afterUpdate(a2c);
            float[][] obs = {{0.01f, 0.2f, -0.03f, 0.1f}};
            PolicyBatch expected = a2c.network().evaluate(obs);
            try (ActorCritic copy = best.bestNetwork(a2c.network())) {
                assertEquals(PolicyKind.GAUSSIAN, copy.policy());
                PolicyBatch got = copy.evaluate(obs);
                assertEquals(expected.mean(0), got.mean(0));
                assertEquals(expected.std(0), got.std(0));
                assertEquals(expected.values()[0], got.values()[0]);
            }
        }
    }

    /** The app's Continue: a session over a Gaussian network trains it as Gaussian; a mismatch fails the start. */
    @Test
    void aSessionContinuingAGaussianNetworkPublishesGaussianFramesAndAMismatchFailsItsStart() throws Exception {
        RunTest.Recorder r = new RunTest.Recorder();
        Run session = Run.continuing(SMALL,
                () -> new ActorCritic(PolicyKind.GAUSSIAN, SMALL.hiddenSize(), 9, Device.cpu(), 0), r);
        session.start();
        session.requestSnapshot();
        RunTest.await(() -> r.snapshot.get() != null && r.updates.get() > 3);
        session.stop();
        assertEquals(PolicyKind.GAUSSIAN, r.snapshot.get().policy());
        assertNotNull(r.snapshot.get().workerFrames().get(0).gaussian());

        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Run mismatch = Run.continuing(SMALL,
                () -> new ActorCritic(SMALL.hiddenSize(), 9, Device.cpu()), new TrainingListener() {
                    @Override
                    public void onUpdate(UpdateStats stats, List<EpisodeStats> episodes, List<WorkerFrame> frames,
                            RolloutSnapshot snapshot) {
                    }

                    @Override
                    public void onStateChanged(SessionState state, String msg) {
                        if (state == SessionState.FAILED) {
                            failures.add(msg);
                        }
                    }
                });
        mismatch.start();
        RunTest.await(() -> mismatch.state() == SessionState.STOPPED);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("categorical policy but hyperparameters say gaussian"), failures.get(0));
    }

    private static double meanLogStd(RolloutSnapshot snap) {
        double sum = 0;
        for (float s : snap.stds()) {
            sum += Math.log(s);
        }
        return sum / snap.stds().length;
    }

    private static double mean(float[] xs) {
        double sum = 0;
        for (float x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }
}
