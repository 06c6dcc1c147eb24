package org.a2clab.inspect;

import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.PolicyKind;
import org.a2clab.agent.StepView;

/**
 * Everything the actor-critic saw and computed at step {@code t} of an episode.
 *
 * @param state       exact CartPole state {x, ẋ, θ, θ̇} the agent acted in
 * @param observation its float32 cast, the network's input
 * @param probLeft    π(left|s); for a Gaussian policy P(a < 0)
 * @param probRight   π(right|s); for a Gaussian policy P(a > 0) = Φ(μ/σ)
 * @param action      0 = push left, 1 = push right; for a Gaussian policy the direction of the
 *                    applied force (1 when it pushes right)
 * @param value       V(s), the critic's estimate of the discounted future reward
 * @param reward      r, the reward of this step
 * @param terminated  the pole fell or the cart left the track at this step (no future)
 * @param truncated   the 500-step time limit ended the episode here (future still has value)
 * @param nStepReturn R, the n-step return: n real rewards, then bootstrapped from V
 * @param advantage   A = R − V(s): how much better than expected the step turned out
 * @param tdError     δ = r + γV(s') − V(s): the one-step surprise of the critic
 * @param entropy     H(π(·|s)) in nats: ln 2 ≈ 0.693 is undecided, 0 is certain; for a Gaussian
 *                    policy ½ log(2πe) + log σ
 * @param perturbed   the user pushed the cart or pole just before this step
 * @param lambdaReturn G^λ, the λ-return over the same n steps (equals R when λ = 1)
 * @param gaeAdvantage the GAE advantage G^λ − V(s) = Σ (γλ)^k δ_{t+k} (equals A when λ = 1)
 * @param gaussian    a Gaussian policy's μ(s), σ(s), the action a it took (sampled, or μ when
 *                    greedy), the applied force 10 N × clip(a, −1, 1) and log π(a|s) at the
 *                    unclipped a; null for a categorical policy
 */
public record EpisodeFrame(int t, double[] state, float[] observation, float probLeft,
        float probRight, int action, float value, float reward, boolean terminated,
        boolean truncated, double nStepReturn, double advantage, double tdError, double entropy,
        boolean perturbed, double lambdaReturn, double gaeAdvantage, GaussianAction gaussian) {

    /** A categorical policy's frame. */
    public EpisodeFrame(int t, double[] state, float[] observation, float probLeft,
            float probRight, int action, float value, float reward, boolean terminated,
            boolean truncated, double nStepReturn, double advantage, double tdError, double entropy,
            boolean perturbed, double lambdaReturn, double gaeAdvantage) {
        this(t, state, observation, probLeft, probRight, action, value, reward, terminated, truncated,
                nStepReturn, advantage, tdError, entropy, perturbed, lambdaReturn, gaeAdvantage, null);
    }

    public PolicyKind policy() {
        return gaussian == null ? PolicyKind.CATEGORICAL : PolicyKind.GAUSSIAN;
    }

    /** What {@code view} makes of this step, as the policy's distribution chooses. */
    public <T> T view(StepView<T> view) {
        return policy().distribution().view(view, action, action == 1 ? probRight : probLeft, gaussian);
    }
}
