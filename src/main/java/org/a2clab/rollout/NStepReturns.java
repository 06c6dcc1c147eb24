package org.a2clab.rollout;

/**
 * n-step returns and advantages, computed backwards over a rollout (A3C, Mnih et al. 2016):
 * <pre>
 *   R_t = r_t                                  if the episode terminated at t
 *   R_t = r_t + γ·V(final observation)         if it was truncated at t (time limit: bootstrap)
 *   R_t = r_t + γ·R_{t+1}                      otherwise, with R_n = V(s_{t+n})
 *   A_t = R_t − V(s_t)
 * </pre>
 * All arrays are time-major, index {@code t * nEnvs + e}.
 */
public final class NStepReturns {
    private NStepReturns() {
    }

    public static void compute(float[] rewards, float[] values, boolean[] terminated,
            boolean[] truncated, float[] truncationValues, float[] lastValues,
            int nSteps, int nEnvs, double gamma, float[] returnsOut, float[] advantagesOut) {
        for (int e = 0; e < nEnvs; e++) {
            double next = lastValues[e];
            for (int t = nSteps - 1; t >= 0; t--) {
                int i = t * nEnvs + e;
                double r;
                if (terminated[i]) {
                    r = rewards[i];
                } else if (truncated[i]) {
                    r = rewards[i] + gamma * truncationValues[i];
                } else {
                    r = rewards[i] + gamma * next;
                }
                returnsOut[i] = (float) r;
                advantagesOut[i] = (float) (r - values[i]);
                next = r;
            }
        }
    }

    /**
     * The n-step return of every step of one whole recorded episode (for the inspector): each
     * step looks at most {@code n} steps ahead, bootstrapping from V(s_{t+n}) or, at the end of
     * a truncated episode, from {@code finalValue} = V(final observation).
     */
    public static double[] forEpisode(double[] rewards, double[] values, boolean endTerminated,
            double finalValue, int n, double gamma) {
        int len = rewards.length;
        double[] out = new double[len];
        for (int t = 0; t < len; t++) {
            int end = Math.min(t + n, len);
            double bootstrap;
            if (end < len) {
                bootstrap = values[end];
            } else {
                bootstrap = endTerminated ? 0.0 : finalValue;
            }
            double g = bootstrap;
            for (int k = end - 1; k >= t; k--) {
                g = rewards[k] + gamma * g;
            }
            out[t] = g;
        }
        return out;
    }
}
