package org.a2clab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

/** A session's greedy evaluations reach the observers once per pulse, counted in the run's env steps. */
class EvaluationFeedTest {
    private final List<FakeSession> sessions = new ArrayList<>();
    private final TrainingViewModel training = new TrainingViewModel(
            new SimpleObjectProperty<>(Hyperparameters.DEFAULTS), FakeSession.factory(sessions), RunLauncher.on(Runnable::run));
    private final List<EvaluationReport> seen = new ArrayList<>();

    EvaluationFeedTest() {
        training.addObserver(new TrainingObserver() {
            @Override
            public void reset() {
                seen.clear();
            }

            @Override
            public void onEvaluation(EvaluationReport report) {
                seen.add(report);
            }
        });
    }

    @Test
    void evaluationsArriveAtTheNextPulseAndTheLatestIsKeptForExport() {
        training.train();
        assertNull(training.currentRun().latestEvaluation());
        BestCheckpoint.Point p1 = new BestCheckpoint.Point(20_000, 300);
        BestCheckpoint.Point p2 = new BestCheckpoint.Point(40_000, 120);
        sessions.get(0).listener.onEvaluation(new EvaluationReport(p1, p1, 0.1));
        sessions.get(0).listener.onEvaluation(new EvaluationReport(p2, p1, 0.2));
        assertEquals(List.of(), seen, "nothing before the pulse");
        training.pulse(0);
        assertEquals(List.of(new EvaluationReport(p1, p1, 0.1), new EvaluationReport(p2, p1, 0.2)), seen);
        assertEquals(p1, training.currentRun().latestEvaluation().best());
        training.retrain();
        assertNull(training.currentRun().latestEvaluation(), "a new run has no best yet");
    }

    @Test
    void anOpenedModelsRunCountsEvaluationsOnFromItsOwnSteps() {
        RunStart start = new RunStart(100, 50_000, 300, 10, -1, Double.NaN, List.of(), List.of());
        training.continuePausedFrom(() -> null, start);
        BestCheckpoint.Point p = new BestCheckpoint.Point(20_000, 500);
        sessions.get(0).listener.onEvaluation(new EvaluationReport(p, p, 0.1));
        training.pulse(0);
        BestCheckpoint.Point shifted = new BestCheckpoint.Point(70_000, 500);
        assertEquals(List.of(new EvaluationReport(shifted, shifted, 0.1)), seen);
    }
}
