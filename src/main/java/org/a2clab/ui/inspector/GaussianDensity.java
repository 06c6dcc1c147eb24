package org.a2clab.ui.inspector;

import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.GaussianPolicy;

/**
 * What the inspector's density drawing shows for one Gaussian step, in plain numbers: the density
 * of N(μ, σ²) over an a-axis wide enough for the clip range [−1, 1], the bulk of the density and the
 * sampled a. No JavaFX, so tests can check the numbers the pane draws.
 *
 * @param step the frame's μ, σ, sampled a, force and log π(a|s)
 * @param half the a-axis runs from −half to +half
 */
record GaussianDensity(GaussianAction step, double half) {
    /**
     * The axis never shrinks below ±2 (the clip range with room); it grows to hold μ ± 3σ and a,
     * up to ±50: a bang-bang policy's |μ| of 15–25 with σ at its clamp e² must still fit.
     */
    static final double MIN_HALF = 2;
    static final double MAX_HALF = 50;

    static GaussianDensity of(GaussianAction step) {
        double needed = Math.max(Math.abs(step.mean()) + 3 * step.std(), Math.abs(step.action()) + 0.25);
        return new GaussianDensity(step, Math.max(MIN_HALF, Math.min(MAX_HALF, Math.ceil(needed))));
    }

    /** Spacing of the axis labels: at most about ten of them. */
    double tickStep() {
        return half <= 5 ? 1 : half <= 10 ? 2 : half <= 25 ? 5 : 10;
    }

    /** N(a; μ, σ²): the density at a. */
    double density(double a) {
        // the log-density training uses, so the drawing and log π(a|s) cannot drift apart
        return Math.exp(GaussianPolicy.logProb(a, step.mean(), Math.log(step.std())));
    }

    /** The density's top, at a = μ: 1/(σ√(2π)). */
    double peak() {
        return density(step.mean());
    }

    /** P(−1 ≤ a ≤ 1), the mass inside the clip range: 1 − the chance that a sampled a gets clipped. */
    double massInClipRange() {
        // P(a > −1) − P(a > 1), each as P(a − c > 0) = Φ((μ − c)/σ)
        return GaussianPolicy.probPositive(step.mean() + 1, step.std()) - GaussianPolicy.probPositive(step.mean() - 1, step.std());
    }
}
