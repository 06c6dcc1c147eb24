package org.a2clab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.junit.jupiter.api.Test;

class StopWhenSolvedTest {
    private final List<FakeSession> sessions = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final TrainingViewModel training = new TrainingViewModel(
            new SimpleObjectProperty<>(Hyperparameters.DEFAULTS), FakeSession.factory(sessions, log), RunLauncher.on(Runnable::run));
    private final StopWhenSolved solvedStop = new StopWhenSolved(training);

    @Test
    void offByDefaultThenAppliedToTheRunningSessionAndEveryLaterOne() {
        assertFalse(solvedStop.enabledProperty().get());
        training.train();
        assertFalse(log.contains("s1:stopWhenSolved=true"), "sessions start with it off");
        solvedStop.enabledProperty().set(true);
        assertTrue(log.contains("s1:stopWhenSolved=true"));
        training.retrain();
        assertTrue(log.contains("s2:stopWhenSolved=true"), "a new session gets it before it starts");
        assertTrue(log.indexOf("s2:stopWhenSolved=true") < log.indexOf("s2:start"));
        solvedStop.enabledProperty().set(false);
        assertTrue(log.contains("s2:stopWhenSolved=false"));
    }

    @Test
    void aSolvedPauseIsToldApartFromAPauseAndEndsWithResume() {
        solvedStop.enabledProperty().set(true);
        training.train();
        FakeSession s = sessions.get(0);
        s.report(SessionState.RUNNING);
        training.pulse(0);
        s.listener.onStateChanged(SessionState.PAUSED, "");
        training.pulse(1);
        assertFalse(solvedStop.pausedSolvedProperty().get(), "a plain pause");
        s.report(SessionState.RUNNING);
        s.listener.onStateChanged(SessionState.PAUSED, "");
        s.listener.onSolvedPause();
        training.pulse(2);
        assertEquals(SessionState.PAUSED, training.stateProperty().get());
        assertTrue(solvedStop.pausedSolvedProperty().get());
        assertEquals(PrimaryAction.RESUME, training.primaryActionProperty().get());

        s.report(SessionState.RUNNING);
        training.pulse(3);
        assertFalse(solvedStop.pausedSolvedProperty().get());
    }
}
