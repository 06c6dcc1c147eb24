package org.a2clab.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.a2clab.ui.training.Samples;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
    @Test
    void countersFollowTheLatestUpdateAndSolvedStaysUntilReset() {
        StatusViewModel m = new StatusViewModel();
        m.onUpdates(List.of(Samples.update(10, 1_000, 150, 300), Samples.update(11, 1_100, 160, 480)));
        assertEquals(1_100, m.envStepsProperty().get());
        assertEquals(11, m.updatesProperty().get());
        assertFalse(m.solvedProperty().get(), "a mean over the target is not the run's solved event");
        m.onSolved(1_100, 0.11);
        assertTrue(m.solvedProperty().get());
        assertEquals(1_100, m.solvedAtStepsProperty().get());

        m.onUpdates(List.of(Samples.update(12, 1_200, 170, 400)));
        assertTrue(m.solvedProperty().get(), "solved once stays solved for the run");
        assertEquals(400, m.meanReturnProperty().get(), "while the mean shows where it is now");

        m.reset();
        assertFalse(m.solvedProperty().get());
        assertEquals(0, m.envStepsProperty().get());
    }

    @Test
    void theScheduledLearningRateOfTheLatestUpdateIsShown() {
        StatusViewModel m = new StatusViewModel();
        assertTrue(Double.isNaN(m.learningRateProperty().get()));
        m.onUpdates(List.of(Samples.update(1, 100, 10)));
        assertEquals(2e-3, m.learningRateProperty().get());
        m.reset();
        assertTrue(Double.isNaN(m.learningRateProperty().get()));
    }

    @Test
    void theBestEvaluationAndTheShareOfTimeSpentEvaluatingAreShown() {
        StatusViewModel m = new StatusViewModel();
        // Samples train at 10,000 steps per second: 40,000 steps are 4 s of training
        m.onUpdates(List.of(Samples.update(100, 40_000, 10)));
        var best = new org.a2clab.train.BestCheckpoint.Point(20_000, 500);
        m.onEvaluation(new org.a2clab.train.EvaluationReport(new org.a2clab.train.BestCheckpoint.Point(40_000, 200),
                best, 0.1));
        assertEquals(best, m.bestEvaluationProperty().get());
        assertEquals(0.025, m.evaluationShareProperty().get(), 1e-12);
        m.reset();
        assertEquals(null, m.bestEvaluationProperty().get());
        assertTrue(Double.isNaN(m.evaluationShareProperty().get()));
    }
}
