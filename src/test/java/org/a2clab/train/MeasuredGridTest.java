package org.a2clab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.a2clab.agent.PolicyKind;
import org.junit.jupiter.api.Test;

class MeasuredGridTest {
    static final String CSV = "workers,n_steps,lr,seeds,solved,median_env_steps,ci95_lo,ci95_hi\n"
            + "16,5,0.0025,4001-4010,10,80100,70000,92000\n"
            + "4,20,0.0025,4001-4010,8,162400,120000,inf\n"
            + "4,5,0.000625,4001-4010,3,,,\n"
            + "8,5,0.00125,4001-4010,9,150000,100000,200000\n";

    @Test
    void readsEveryCellAndTheGoodRegionIsNinetyPercentSolvedWithAMedianUpTo150k() {
        MeasuredGrid g = MeasuredGrid.parse(CSV, 400_000);
        assertEquals(0, g.skippedRows());
        assertEquals(4, g.cells().size());
        MeasuredGrid.Cell c = g.cell(4, 20).orElseThrow();
        assertEquals(new MeasuredGrid.Cell(4, 20, 0.0025, 10, 8, 162_400, 120_000, Double.POSITIVE_INFINITY), c);
        assertFalse(c.good(), "8/10 solved");
        assertTrue(g.cell(16, 5).orElseThrow().good());
        assertTrue(g.cell(8, 5).orElseThrow().good(), "9/10 and a median of exactly 150k are inside");
        MeasuredGrid.Cell never = g.cell(4, 5).orElseThrow();
        assertEquals(Double.POSITIVE_INFINITY, never.medianEnvSteps(), "an empty median: never reached");
        assertFalse(never.good());
        assertTrue(g.cell(32, 5).isEmpty());
        assertEquals(List.of(4, 8, 16), g.workers());
        assertEquals(List.of(5, 20), g.nSteps());
    }

    @Test
    void anySubsetOfCellsAndColumnsInAnyOrderRead() {
        MeasuredGrid g = MeasuredGrid.parse("n_steps,workers,seeds,solved,lr,median_env_steps,ci95_hi,ci95_lo\r\n"
                + "10,32,1;2;5-10,8,0.005,100000,120000,90000\r\n", 400_000);
        assertEquals(100_000, g.cell(32, 10).orElseThrow().medianEnvSteps());
        assertEquals(8, g.cell(32, 10).orElseThrow().seeds(), "seeds 1, 2 and 5–10");
        assertTrue(MeasuredGrid.parse("", 400_000).cells().isEmpty());
        assertTrue(MeasuredGrid.parse("workers,n_steps,lr,seeds,solved,median_env_steps,ci95_lo,ci95_hi\n", 400_000).cells().isEmpty());
    }

    @Test
    void aRowThatDoesNotParseIsACellNotMeasured() {
        MeasuredGrid g = MeasuredGrid.parse(CSV + "64,20,0.01,ten,10,90000,1,2\n8,10\n"
                + "32,20,0.01,4001-4010,11,90000,1,2\n64,10,0.01,4010-4001,1,90000,1,2\n", 400_000);
        assertEquals(4, g.skippedRows(), "not a seed, a short row, more solved than seeds, a backwards range");
        assertEquals(4, g.cells().size());
        assertTrue(g.cell(64, 20).isEmpty());
    }

    /** The tables shipped with A2C Lab read without a skipped row (any subset of each grid's cells). */
    @Test
    void theBundledTablesReadWhole() {
        for (PolicyKind policy : PolicyKind.values()) {
            MeasuredGrid g = MeasuredGrid.bundled(policy);
            assertEquals(0, g.skippedRows(), policy.label());
            assertEquals(policy == PolicyKind.GAUSSIAN ? 1_000_000 : 400_000, g.budgetEnvSteps());
            for (MeasuredGrid.Cell c : g.cells()) {
                assertTrue(List.of(4, 8, 16, 32, 64).contains(c.workers()) && List.of(5, 10, 20).contains(c.nSteps()), c.toString());
                assertTrue(c.solved() >= 0 && c.solved() <= c.seeds(), c.toString());
                // the tables measured auto α: each cell's α is the rule's (written with 6 significant digits)
                double auto = BatchScaledLearningRate.forPolicy(policy).learningRate(c.workers(), c.nSteps());
                assertEquals(auto, c.learningRate(), auto * 1e-5, policy.label() + " " + c);
            }
        }
    }
}
