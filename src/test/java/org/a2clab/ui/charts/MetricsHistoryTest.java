package org.a2clab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.ui.training.Samples;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {
    @Test
    void updatesEpisodesFramesAndSnapshotsBecomeSeriesAndResetClearsThem() {
        MetricsHistory h = new MetricsHistory();
        long v0 = h.version();
        h.onUpdates(List.of(Samples.update(1, 64, Double.NaN), Samples.update(2, 128, 20)));
        h.onEpisodes(List.of(Samples.episode(1, 100, 20)));
        h.onFrames(List.of(Samples.frame(0, false, false), Samples.frame(1, false, false)));
        h.onSnapshot(new RolloutSnapshot(2, 2, 1, new float[2], new float[2], new float[2], new float[] {1, -1}, List.of()));

        assertNotEquals(v0, h.version());
        assertEquals(128, h.latestSteps());
        assertEquals(20, h.meanReturn100.lastY());
        assertEquals(-0.69, h.entropyLoss.lastY(), 1e-12);
        assertEquals(0.6, h.workerProbRight.lastY(), 1e-6);
        assertEquals(0.4, h.workerProbLeft.lastY(), 1e-6);
        assertEquals(List.of(64.0, 128.0), xs(h.workerProbRight), "frames spread over the pulse's env steps");
        assertEquals(1, h.recentAdvantages().size());

        h.reset();
        assertEquals(0, h.storedPoints());
        assertTrue(h.recentAdvantages().isEmpty());
        assertEquals(0, h.latestSteps());
    }

    @Test
    void theScheduledLearningRateIsPlottedPerUpdate() {
        MetricsHistory h = new MetricsHistory();
        List<org.a2clab.train.UpdateStats> batch = new ArrayList<>();
        double[] alphas = {3e-3, 1.5e-3, 3e-4};
        for (int i = 1; i <= 3; i++) {
            org.a2clab.train.UpdateStats u = Samples.update(i, i * 100L, 10);
            // as a linear schedule or a drop would report it
            batch.add(new org.a2clab.train.UpdateStats(u.update(), u.envSteps(), u.episodes(), u.policyLoss(),
                    u.valueLoss(), u.entropy(), u.totalLoss(), u.explainedVariance(), u.gradNorm(), alphas[i - 1],
                    u.probRight(), u.value(), u.nStepReturn(), u.advantage(), u.meanReturnLast100(),
                    u.stepsPerSecond(), u.trainingSeconds()));
        }
        h.onUpdates(batch);
        List<Double> ys = new ArrayList<>();
        h.learningRate.visit(0, Double.MAX_VALUE, (x, y) -> ys.add(y));
        assertEquals(List.of(100.0, 200.0, 300.0), xs(h.learningRate));
        assertEquals(List.of(3e-3, 1.5e-3, 3e-4), ys);
    }

    static org.a2clab.train.UpdateStats gaussianUpdate(long update, long envSteps, double muMean, double sigmaMean) {
        org.a2clab.train.UpdateStats u = Samples.update(update, envSteps, 10);
        return new org.a2clab.train.UpdateStats(u.update(), u.envSteps(), u.episodes(), u.policyLoss(),
                u.valueLoss(), 1.1, u.totalLoss(), u.explainedVariance(), u.gradNorm(), u.learningRate(),
                u.probRight(), u.value(), u.nStepReturn(), u.advantage(), u.meanReturnLast100(),
                u.stepsPerSecond(), u.trainingSeconds(), new org.a2clab.train.Summary(muMean, 0.25, -1, 1),
                new org.a2clab.train.Summary(sigmaMean, 0.05, 0.4, 0.8));
    }

    @Test
    void aGaussianRunsMuAndSigmaBecomeMeanAndSpreadSeries() {
        MetricsHistory h = new MetricsHistory();
        h.onUpdates(List.of(Samples.update(1, 64, 10)));
        assertEquals(org.a2clab.agent.PolicyKind.CATEGORICAL, h.policy());
        assertTrue(h.muMean.isEmpty(), "a categorical update has no μ");
        h.reset();
        h.onUpdates(List.of(gaussianUpdate(1, 64, 0.3, 0.6), gaussianUpdate(2, 128, -0.2, 0.5)));
        org.a2clab.agent.GaussianAction a = org.a2clab.agent.GaussianAction.of(0.7f, 0.5f, 0.9);
        h.onFrames(List.of(new org.a2clab.train.WorkerFrame(new double[4], 0.9f, 1f, 1, 1f, false, false, 0, a)));
        assertEquals(org.a2clab.agent.PolicyKind.GAUSSIAN, h.policy());
        assertEquals(-0.2, h.muMean.lastY(), 1e-12);
        assertEquals(-0.45, h.muLow.lastY(), 1e-12);
        assertEquals(0.05, h.muHigh.lastY(), 1e-12);
        assertEquals(0.5, h.sigmaMean.lastY(), 1e-12);
        assertEquals(0.45, h.sigmaLow.lastY(), 1e-12);
        assertEquals(0.55, h.sigmaHigh.lastY(), 1e-12);
        assertEquals(1.1, h.entropy.lastY(), 1e-12);
        assertEquals(0.7, h.workerMu.lastY(), 1e-6);
        assertEquals(List.of(64.0, 128.0), xs(h.sigmaMean));
        h.reset();
        assertEquals(0, h.storedPoints());
        assertEquals(org.a2clab.agent.PolicyKind.CATEGORICAL, h.policy());
    }

    private static List<Double> xs(SeriesBuffer s) {
        List<Double> out = new ArrayList<>();
        s.visit(0, Double.MAX_VALUE, (x, y) -> out.add(x));
        return out;
    }

    @Test
    void liveChangesAreMarkedOncePerMomentAndClearedWithTheRun() {
        MetricsHistory h = new MetricsHistory();
        // a slider drag: many changes before the next update
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "α 3.0e-03 → 2.0e-03"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "α 2.0e-03 → 1.0e-04"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(1_000, "β 0.0000 → 0.0100"));
        h.onLiveChange(new org.a2clab.ui.training.LiveChange(5_000, "γ 0.9800 → 0.9900"));
        assertEquals(2, h.liveChanges().size());
        assertEquals("α 3.0e-03 → 1.0e-04, β 0.0000 → 0.0100", h.liveChanges().get(0).text());
        assertEquals(5_000, h.liveChanges().get(1).envSteps());
        h.reset();
        assertTrue(h.liveChanges().isEmpty());
    }

    @Test
    void evaluationsBecomeDotsAndOnlyTheBestSoFarIsRinged() {
        MetricsHistory h = new MetricsHistory();
        var p1 = new org.a2clab.train.BestCheckpoint.Point(20_000, 180);
        var p2 = new org.a2clab.train.BestCheckpoint.Point(40_000, 500);
        var p3 = new org.a2clab.train.BestCheckpoint.Point(60_000, 215);
        long v0 = h.version();
        h.onEvaluation(new org.a2clab.train.EvaluationReport(p1, p1, 0.01));
        h.onEvaluation(new org.a2clab.train.EvaluationReport(p2, p2, 0.02));
        h.onEvaluation(new org.a2clab.train.EvaluationReport(p3, p2, 0.03));
        assertNotEquals(v0, h.version());
        assertEquals(List.of(20_000.0, 40_000.0, 60_000.0), xs(h.evaluations));
        assertEquals(215, h.evaluations.lastY());
        assertEquals(List.of(40_000.0), xs(h.bestEvaluation));
        assertEquals(500, h.bestEvaluation.lastY());
        h.reset();
        assertTrue(h.evaluations.isEmpty() && h.bestEvaluation.isEmpty());
    }
}
