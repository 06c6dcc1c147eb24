package org.a2clab.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.agent.PolicyKind;
import org.a2clab.env.CartPole;
import org.a2clab.train.WorkerFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Recorded episodes of a Gaussian policy carry μ, σ, a, the force and log π per frame. */
class GaussianEpisodeTest {
    static ActorCritic net;

    @BeforeAll
    static void djl() {
        DjlRuntime.prepareTrainingThread();
        net = new ActorCritic(PolicyKind.GAUSSIAN, 16, 4, Device.cpu(), -0.3);
    }

    @Test
    void greedyFramesActWithMuAndRecordTheGaussianNumbers() {
        RecordedEpisode e = EpisodeRecorder.record(net, EpisodeKind.GREEDY, 3, 5, 0.98);
        assertTrue(e.finished());
        CartPole replay = new CartPole(0);
        for (EpisodeFrame f : e.frames()) {
            GaussianAction g = f.gaussian();
            assertNotNull(g);
            assertEquals(PolicyKind.GAUSSIAN, f.policy());
            PolicyBatch p = net.evaluate(new float[][] {f.observation()});
            assertEquals(p.mean(0), g.mean());
            assertEquals(p.std(0), g.std());
            assertEquals(g.mean(), g.action(), 0.0, "greedy acts with μ");
            assertEquals(CartPole.force(g.action()), g.force(), 0.0);
            assertEquals(GaussianPolicy.logProb(g.action(), g.mean(), Math.log(g.std())), g.logProb(), 1e-12);
            assertEquals(GaussianPolicy.entropy(Math.log(g.std())), f.entropy(), 1e-9);
            assertEquals(g.force() > 0 ? 1 : 0, f.action());
            assertEquals(p.values()[0], f.value());
            // the recorded state and action reproduce the trajectory
            double[] s = f.state();
            replay.setState(s[0], s[1], s[2], s[3]);
            replay.stepContinuous(g.action());
            if (f.t() + 1 < e.length()) {
                assertArrayEquals(e.frame(f.t() + 1).state(), replay.state(), 0.0);
            }
        }
    }

    @Test
    void sampledEpisodesAreReproducibleForASeedAndDrawAroundMu() {
        RecordedEpisode a = EpisodeRecorder.record(net, EpisodeKind.SAMPLED, 11, 5, 0.98);
        RecordedEpisode b = EpisodeRecorder.record(net, EpisodeKind.SAMPLED, 11, 5, 0.98);
        assertEquals(a.length(), b.length());
        boolean offMean = false;
        for (int t = 0; t < a.length(); t++) {
            assertEquals(a.frame(t).gaussian(), b.frame(t).gaussian());
            offMean |= a.frame(t).gaussian().action() != a.frame(t).gaussian().mean();
        }
        assertTrue(offMean, "sampled actions differ from μ");
    }

    @Test
    void aTrainingEpisodeBootstrapsFromTheRealActionsSuccessor() {
        double[] s = {0.1, 0.2, 0.03, -0.1};
        WorkerFrame f = new WorkerFrame(s, 0.6f, 3f, 1, 1f, false, false, 7, GaussianAction.of(0.2f, 0.5f, 0.3));
        CartPole env = new CartPole(0);
        env.setState(s[0], s[1], s[2], s[3]);
        float[] expected = env.stepContinuous(0.3).observation();
        assertArrayEquals(expected, TrainingEpisodes.successorObservation(f));
        env.setState(s[0], s[1], s[2], s[3]);
        assertFalse(java.util.Arrays.equals(env.step(1).observation(), TrainingEpisodes.successorObservation(f)),
                "a push of 3 N, not 10 N");
        RecordedEpisode e = TrainingEpisodes.record(List.of(f), net, 5, 0.98);
        assertEquals(f.gaussian(), e.frame(0).gaussian());
    }

    @Test
    void theEpisodeCsvHasTheGaussianColumns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        RecordedEpisode e = EpisodeRecorder.record(net, EpisodeKind.SAMPLED, 5, 5, 0.98);
        java.nio.file.Path file = dir.resolve("e.csv");
        EpisodeCsv.write(e, file);
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals(EpisodeCsv.HEADER + ",mean,std,gaussian_action,force,log_prob", lines.get(0));
        String[] cells = lines.get(1).split(",");
        assertEquals(lines.get(0).split(",").length, cells.length);
        GaussianAction g = e.frame(0).gaussian();
        assertEquals(g.action(), Double.parseDouble(cells[cells.length - 3]));
        assertEquals(g.force(), Double.parseDouble(cells[cells.length - 2]));
        assertEquals(g.logProb(), Double.parseDouble(cells[cells.length - 1]));
    }

    @Test
    void heatmapsHoldMuAndSigma() {
        Heatmap map = Heatmap.compute(net, 0.1, -0.2, 5, 4);
        assertNotNull(map.means());
        float[][] obs = {{0.1f, -0.2f, (float) map.thetas()[2], (float) map.thetaDots()[3]}};
        PolicyBatch p = net.evaluate(obs);
        assertEquals(p.mean(0), map.meanAt(2, 3), 1e-6);
        assertEquals(p.std(0), map.stdAt(2, 3), 1e-6);
        assertEquals(p.probRight(0), map.probRightAt(2, 3), 1e-6);
    }
}
