package org.a2clab.agent;

import org.a2clab.env.CartPole;

/**
 * What the Gaussian policy did at one step, for charts, the inspector and the CLI: μ(s) and σ(s),
 * the action a it took (sampled from N(μ, σ²), or μ when acting greedily), the force the cart felt
 * (10 N × clip(a, −1, 1), newtons) and log π(a|s) at the unclipped a. {@code clipped()} says
 * whether the physics saw less than a asked for.
 */
public record GaussianAction(float mean, float std, double action, double force, double logProb) {
    /** The step's record for action a under N(mean, std²): the force and log π(a|s) computed from them. */
    public static GaussianAction of(float mean, float std, double action) {
        return new GaussianAction(mean, std, action, CartPole.force(action),
                GaussianPolicy.logProb(action, mean, Math.log(std)));
    }

    /** True when |a| > 1, so the applied force was cut to ±10 N. */
    public boolean clipped() {
        return Math.abs(action) > 1;
    }
}
