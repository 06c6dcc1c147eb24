package org.a2clab.rollout;

/**
 * Generalized advantage estimation (Schulman et al. 2016), computed backwards over a rollout as
 * the λ-return, whose difference from V(s_t) is the GAE advantage:
 * <pre>
 *   G_t = r_t                                            if the episode terminated at t
 *   G_t = r_t + γ·V(final observation)                   if it was truncated at t (bootstrap)
 *   G_t = r_t + γ·((1 − λ)·V(s_{t+1}) + λ·G_{t+1})       otherwise, with G_n = V(s_{t+n})
 *   A_t = G_t − V(s_t)  = Σ_k (γλ)^k δ_{t+k},   δ_t = r_t + γ·V(s_{t+1}) − V(s_t)
 * </pre>
 * With λ = 1 the middle line is {@code r_t + γ·G_{t+1}} to the last bit ((1 − 1)·V adds an exact
 * zero), so λ = 1 gives exactly {@link NStepReturns#compute}; λ = 0 gives one-step TD targets.
 * Arrays are time-major, index {@code t * nEnvs + e}.
 */
public final class Gae {
    private Gae() {
    }

    public static void compute(float[] rewards, float[] values, boolean[] terminated,
            boolean[] truncated, float[] truncationValues, float[] lastValues,
            int nSteps, int nEnvs, double gamma, double lambda, float[] returnsOut,
            float[] advantagesOut) {
        for (int e = 0; e < nEnvs; e++) {
            double next = lastValues[e];
            double nextValue = lastValues[e];
            for (int t = nSteps - 1; t >= 0; t--) {
                int i = t * nEnvs + e;
                double g;
                if (terminated[i]) {
                    g = rewards[i];
                } else if (truncated[i]) {
                    g = rewards[i] + gamma * truncationValues[i];
                } else {
                    g = rewards[i] + gamma * ((1 - lambda) * nextValue + lambda * next);
                }
                returnsOut[i] = (float) g;
                advantagesOut[i] = (float) (g - values[i]);
                next = g;
                nextValue = values[i];
            }
        }
    }

    /**
     * The λ-return of every step of one whole recorded episode (for the inspector), looking at
     * most {@code n} steps ahead like a training rollout: G at the horizon is V(s_{t+n}); at the end
     * of the episode it is 0 after a termination, else {@code finalValue} (V of the observation
     * after the last step). λ = 1 gives {@link NStepReturns#forEpisode} exactly.
     */
    public static double[] forEpisode(double[] rewards, double[] values, boolean endTerminated,
            double finalValue, int n, double gamma, double lambda) {
        int len = rewards.length;
        double[] out = new double[len];
        double tail = endTerminated ? 0.0 : finalValue;
        for (int t = 0; t < len; t++) {
            int end = Math.min(t + n, len);
            double g = end < len ? values[end] : tail;
            for (int k = end - 1; k >= t; k--) {
                double nextValue = k + 1 < len ? values[k + 1] : tail;
                g = rewards[k] + gamma * ((1 - lambda) * nextValue + lambda * g);
            }
            out[t] = g;
        }
        return out;
    }
}
