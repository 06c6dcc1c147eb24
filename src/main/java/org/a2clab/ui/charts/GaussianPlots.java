package org.a2clab.ui.charts;

/**
 * The two plots a Gaussian run shows in place of the categorical π(left/right) and the ln 2-capped
 * entropy: μ(s) and σ(s) over each update's batch (mean, and a band of ±1 standard deviation
 * across the batch's states), and the entropy ½ log(2πe) + log σ, which falls below 0 once σ < 0.24.
 */
final class GaussianPlots {
    /** H of N(μ, 1²): the entropy at σ = 1, a fresh network's default. */
    static final double ENTROPY_AT_SIGMA_ONE = 0.5 * Math.log(2 * Math.PI * Math.E);

    final LinePlot muSigma;
    final LinePlot entropy;

    GaussianPlots(MetricsHistory h) {
        muSigma = new LinePlot("μ(s), σ(s) over the batch")
                .band(new Band("μ ± 1 sd", h.muLow, h.muHigh, Palette.BLUE))
                .band(new Band("σ ± 1 sd", h.sigmaLow, h.sigmaHigh, Palette.ORANGE))
                .trace(Trace.thin("μ w0", h.workerMu, Palette.BLUE.deriveColor(0, 1, 1, 0.55)))
                .trace(Trace.line("mean μ", h.muMean, Palette.BLUE))
                .trace(Trace.line("mean σ", h.sigmaMean, Palette.ORANGE))
                .reference(new ReferenceLine("a = 0", 0, Palette.GREY));
        muSigma.setId("mu-sigma-plot");
        entropy = new LinePlot("Policy entropy H = ½ log(2πe) + log σ")
                .trace(Trace.line("H", h.entropy, Palette.PURPLE))
                .reference(new ReferenceLine("σ = 1", ENTROPY_AT_SIGMA_ONE, Palette.GREY));
        entropy.setId("gaussian-entropy-plot");
        muSigma.liveChanges(h::liveChanges, false);
        entropy.liveChanges(h::liveChanges, false);
    }
}
