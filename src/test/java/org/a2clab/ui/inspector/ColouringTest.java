package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.a2clab.inspect.Heatmap;
import org.junit.jupiter.api.Test;

/** The heatmaps of a Gaussian network: μ(s) on the clip range, σ(s) on a log scale of the map's range. */
class ColouringTest {
    /** Two cells: μ −1 and +3 (beyond the clip range), σ 0.01 and 1. */
    private static final Heatmap GAUSSIAN = new Heatmap(0, 0, new double[] {-0.1, 0.1}, new double[] {0},
            new float[] {0.02f, 1f}, new float[] {1, 2}, new float[] {-1, 3}, new float[] {0.01f, 1f});
    private static final Heatmap CATEGORICAL = new Heatmap(0, 0, new double[] {-0.1, 0.1}, new double[] {0},
            new float[] {0.25f, 0.75f}, new float[] {1, 2});

    @Test
    void aGaussianNetworksPolicyMapShowsMuOnTheClipRangeAndSaturatesBeyondIt() {
        Colouring mu = Colouring.of(HeatmapPane.Quantity.PROB_RIGHT, GAUSSIAN, null);
        assertTrue(mu.title().startsWith("μ(s)"), mu.title());
        assertEquals(HeatmapPane.probColour(0), mu.colour(GAUSSIAN, 0, 0), "μ = −1: full blue, push left");
        assertEquals(HeatmapPane.probColour(1), mu.colour(GAUSSIAN, 1, 0), "μ = 3 pushes no harder than μ = 1");
        assertEquals("+1", mu.hiLabel());
        Colouring pi = Colouring.of(HeatmapPane.Quantity.PROB_RIGHT, CATEGORICAL, null);
        assertTrue(pi.title().startsWith("π(right | s)"), "a categorical map keeps π(right)");
        assertEquals(HeatmapPane.probColour(0.25), pi.colour(CATEGORICAL, 0, 0));
    }

    @Test
    void sigmaSpansItsMapsRangeOnALogScale() {
        Colouring sigma = Colouring.of(HeatmapPane.Quantity.STD, GAUSSIAN, null);
        assertEquals(HeatmapPane.valueColour(0), sigma.colour(GAUSSIAN, 0, 0));
        assertEquals(HeatmapPane.valueColour(1), sigma.colour(GAUSSIAN, 1, 0));
        assertEquals("σ(s)   log scale 0.0100 … 1.00 (this map)", sigma.title());
        assertEquals("1.00", sigma.hiLabel());
        assertEquals("0.0100", sigma.loLabel());
        assertEquals(Color.WHITE, Colouring.of(HeatmapPane.Quantity.STD, CATEGORICAL, null).colour(CATEGORICAL, 0, 0));
    }
}
