package org.a2clab.inspect;

import java.util.ArrayList;
import java.util.List;
import org.a2clab.agent.PolicyKind;
import org.a2clab.rollout.Gae;
import org.a2clab.rollout.NStepReturns;

/**
 * An immutable episode with every frame's actor-critic numbers, ready to inspect.
 *
 * @param kind     how actions were chosen (always labelled)
 * @param seed     the environment (and sampling) seed, or −1 for training episodes
 * @param nSteps   the n of the n-step returns
 * @param gamma    the discount γ used for returns and TD errors
 * @param lambda   the λ of the λ-returns and GAE advantages (1: they equal the n-step ones)
 * @param frames   the frames in time order
 * @param finished the episode ended (terminated or truncated); false while a live one still plays
 */
public record RecordedEpisode(EpisodeKind kind, long seed, int nSteps, double gamma,
        double lambda, List<EpisodeFrame> frames, boolean finished) {

    public RecordedEpisode {
        frames = List.copyOf(frames);
    }

    /**
     * Derives returns, advantages and TD errors from played steps. Each frame's n-step return
     * looks the full n steps ahead (the textbook R_t^(n); inside a training rollout the horizon
     * shrinks towards the rollout's end), and episode ends are bootstrapped as training does:
     * nothing after a termination, V of the final observation after a truncation. {@code nextValue}
     * is V of the observation after the last step.
     */
    public static RecordedEpisode of(EpisodeKind kind, long seed, List<EpisodeStep> steps,
            double nextValue, int nSteps, double gamma) {
        return of(kind, seed, steps, nextValue, nSteps, gamma, 1.0);
    }

    /** As above, with λ-returns and GAE advantages for {@code lambda} (also over n steps ahead). */
    public static RecordedEpisode of(EpisodeKind kind, long seed, List<EpisodeStep> steps,
            double nextValue, int nSteps, double gamma, double lambda) {
        int len = steps.size();
        double[] rewards = new double[len];
        double[] values = new double[len];
        for (int t = 0; t < len; t++) {
            rewards[t] = steps.get(t).reward();
            values[t] = steps.get(t).value();
        }
        boolean endTerminated = len > 0 && steps.get(len - 1).terminated();
        boolean finished = endTerminated || len > 0 && steps.get(len - 1).truncated();
        double[] returns = NStepReturns.forEpisode(rewards, values, endTerminated, nextValue,
                nSteps, gamma);
        double[] lambdaReturns = lambda == 1.0 ? returns
                : Gae.forEpisode(rewards, values, endTerminated, nextValue, nSteps, gamma, lambda);
        List<EpisodeFrame> frames = new ArrayList<>(len);
        for (int t = 0; t < len; t++) {
            EpisodeStep s = steps.get(t);
            double next = t + 1 < len ? values[t + 1] : endTerminated ? 0.0 : nextValue;
            double tdError = rewards[t] + gamma * next - values[t];
            frames.add(new EpisodeFrame(t, s.state(), s.observation(), s.probLeft(), s.probRight(),
                    s.action(), s.value(), s.reward(), s.terminated(), s.truncated(), returns[t],
                    returns[t] - values[t], tdError, entropy(s),
                    s.perturbed(), lambdaReturns[t], lambdaReturns[t] - values[t], s.gaussian()));
        }
        return new RecordedEpisode(kind, seed, nSteps, gamma, lambda, frames, finished);
    }

    private static double entropy(EpisodeStep s) {
        return s.policy().distribution().entropy(s.probLeft(), s.probRight(), s.gaussian());
    }

    /** The kind of policy that played it (a categorical one for an empty episode). */
    public PolicyKind policy() {
        return frames.isEmpty() ? PolicyKind.CATEGORICAL : frames.get(0).policy();
    }

    public int length() {
        return frames.size();
    }

    public EpisodeFrame frame(int t) {
        return frames.get(t);
    }

    /** The undiscounted sum of rewards, as CartPole scores an episode. */
    public double totalReturn() {
        double sum = 0;
        for (EpisodeFrame f : frames) {
            sum += f.reward();
        }
        return sum;
    }

    /** e.g. "greedy · seed 3 · return 500 · 500 frames". */
    public String label() {
        return String.format("%s%s%s · return %.0f · %d frames", kind.label(),
                seed >= 0 ? " · seed " + seed : "", finished ? "" : " (playing)", totalReturn(),
                length());
    }
}
