package org.a2clab.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.a2clab.ui.training.Samples;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
    @Test
    void countersFollowTheLatestUpdateAndSolvedLatchesUntilReset() {
        StatusViewModel m = new StatusViewModel();
        m.onUpdates(List.of(Samples.update(10, 1_000, 300), Samples.update(11, 1_100, 480)));
        assertEquals(1_100, m.envStepsProperty().get());
        assertEquals(11, m.updatesProperty().get());
        assertTrue(m.solvedProperty().get());
        assertEquals(1_100, m.solvedAtStepsProperty().get());

        m.onUpdates(List.of(Samples.update(12, 1_200, 400)));
        assertTrue(m.solvedProperty().get(), "solved once stays solved for the run");

        m.reset();
        assertFalse(m.solvedProperty().get());
        assertEquals(0, m.envStepsProperty().get());
    }
}
