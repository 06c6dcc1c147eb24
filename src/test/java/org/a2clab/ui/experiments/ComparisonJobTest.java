package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.RunRecord;
import org.junit.jupiter.api.Test;

/** A comparison that fails keeps the last table and does not stop the next one. */
class ComparisonJobTest {
    @Test
    void aFailedComparisonDoesNotBlockTheNext() {
        List<List<Comparison.Group>> tables = new ArrayList<>();
        List<List<RunRecord>> inputs = new ArrayList<>();
        inputs.add(Arrays.asList((RunRecord) null)); // Comparison.of fails on it
        inputs.add(List.of());
        ComparisonJob job = new ComparisonJob(Runnable::run, Runnable::run, () -> inputs.remove(0), tables::add);

        job.request();
        assertEquals(0, tables.size(), "the failed comparison delivers no table");
        job.request();
        assertEquals(List.of(List.of()), tables, "the next request still runs");
    }
}
