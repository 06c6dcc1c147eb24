package org.a2clab.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.a2clab.agent.GaussianAction;
import org.junit.jupiter.api.Test;

class GaussianDensityTest {
    @Test
    void theDensityIsTheNormalOneAndTheAxisHoldsTheClipRangeTheBulkAndTheSampledAction() {
        GaussianDensity d = GaussianDensity.of(GaussianAction.of(0.5f, 0.25f, 0.7));
        assertEquals(1 / (0.25 * Math.sqrt(2 * Math.PI)), d.peak(), 1e-12);
        assertEquals(d.peak() * Math.exp(-0.5), d.density(0.75), 1e-12, "one σ from μ");
        assertEquals(2, d.half(), "the clip range with room");
        // P(−1 ≤ a ≤ 1) for N(0.5, 0.25²) = Φ(2) − Φ(−6)
        assertEquals(0.9772499, d.massInClipRange(), 1e-6);
        assertEquals(6, GaussianDensity.of(GaussianAction.of(0f, 1f, -5.3)).half(), "reaches a clipped a of −5.3");
        assertEquals(4, GaussianDensity.of(GaussianAction.of(1f, 1f, 1.2)).half(), "μ + 3σ");
        assertEquals(21, GaussianDensity.of(GaussianAction.of(0f, 7f, 0)).half(), "3σ of a wide policy");
        GaussianDensity bangBang = GaussianDensity.of(GaussianAction.of(20f, 7.389f, 24));
        assertEquals(43, bangBang.half(), "μ 20 + 3σ at its clamp");
        assertEquals(10, bangBang.tickStep());
        assertEquals(50, GaussianDensity.of(GaussianAction.of(30f, 7.389f, 34)).half(), "the axis stops at ±50");
        assertEquals(1, d.tickStep());
    }
}
