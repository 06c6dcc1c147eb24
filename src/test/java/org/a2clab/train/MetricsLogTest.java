package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MetricsLogTest {
    private static UpdateStats update(long i) {
        Summary s = new Summary(0.5, 0.1, 0.25, 0.75);
        return new UpdateStats(i, 80 * i, i, -0.5, 2.0, 0.69, 0.3, 0.1, 1.25, 0.002, s, s, s, s, 20.5, 1000, 0.01 * i);
    }

    private static EpisodeStats episode(long i) {
        return new EpisodeStats(i, 0, 20, 20, true, false, 80 * i);
    }

    @Test
    void aLongRunsRowsStayWithinCapacityEvenlyThinnedWithTheFirstAndTheLatest() {
        MetricsLog log = new MetricsLog(10);
        for (long i = 0; i < 1_000; i++) {
            log.record(update(i), List.of(episode(2 * i), episode(2 * i + 1)));
            List<Long> rows = log.updates().stream().map(UpdateStats::update).toList();
            List<Long> episodes = log.episodes().stream().map(EpisodeStats::index).toList();
            for (List<Long> kept : List.of(rows, episodes)) {
                long latest = kept == rows ? i : 2 * i + 1;
                assertTrue(kept.size() <= 10, "after " + i + ": " + kept);
                assertEquals(0, kept.get(0), "the first row is kept: " + kept);
                assertEquals(latest, kept.get(kept.size() - 1), "the latest row is kept: " + kept);
                // before the latest, every stride-th row: one resolution throughout
                long stride = kept.size() > 2 ? kept.get(1) - kept.get(0) : 1;
                for (int k = 1; k < kept.size() - 1; k++) {
                    assertEquals(stride, kept.get(k) - kept.get(k - 1), "even spacing: " + kept);
                }
            }
        }
        assertTrue(log.updates().size() >= 5, "thinning halves, never empties: " + log.updates().size());
    }

    @Test
    void aRunWithinCapacityKeepsEveryRowInOrder() {
        MetricsLog log = new MetricsLog(10);
        for (long i = 0; i < 10; i++) {
            log.record(update(i), List.of(episode(i)));
        }
        assertEquals(LongStream.range(0, 10).boxed().toList(), log.updates().stream().map(UpdateStats::update).toList());
        assertEquals(LongStream.range(0, 10).boxed().toList(), log.episodes().stream().map(EpisodeStats::index).toList());
    }

    @Test
    void aHeadlessRunOfHoursIsBoundedByTheDefaultCapacity() {
        MetricsLog log = new MetricsLog();
        for (long i = 0; i < 5 * MetricsLog.CAPACITY; i++) {
            log.record(update(i), List.of());
        }
        List<UpdateStats> rows = log.updates();
        assertTrue(rows.size() <= MetricsLog.CAPACITY && rows.size() > MetricsLog.CAPACITY / 2, "" + rows.size());
        assertEquals(5L * MetricsLog.CAPACITY - 1, rows.get(rows.size() - 1).update());
    }

    @Test
    void anOpenedModelsRowsSeedTheLogAndItsRunGoesOn() {
        MetricsLog log = MetricsLog.of(List.of(update(0), update(1)), List.of(episode(0)));
        log.record(update(2), List.of(episode(1)));
        assertEquals(List.of(0L, 1L, 2L), log.updates().stream().map(UpdateStats::update).toList());
        assertEquals(List.of(0L, 1L), log.episodes().stream().map(EpisodeStats::index).toList());
    }
}
