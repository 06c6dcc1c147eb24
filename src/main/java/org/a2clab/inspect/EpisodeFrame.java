package org.a2clab.inspect;

/**
 * Everything the actor-critic saw and computed at step {@code t} of an episode.
 *
 * @param state       exact CartPole state {x, ẋ, θ, θ̇} the agent acted in
 * @param observation its float32 cast, the network's input
 * @param probLeft    π(left|s)
 * @param probRight   π(right|s)
 * @param action      0 = push left, 1 = push right
 * @param value       V(s), the critic's estimate of the discounted future reward
 * @param reward      r, the reward of this step
 * @param terminated  the pole fell or the cart left the track at this step (no future)
 * @param truncated   the 500-step time limit ended the episode here (future still has value)
 * @param nStepReturn R, the n-step return: n real rewards, then bootstrapped from V
 * @param advantage   A = R − V(s): how much better than expected the step turned out
 * @param tdError     δ = r + γV(s') − V(s): the one-step surprise of the critic
 * @param entropy     H(π(·|s)) in nats: ln 2 ≈ 0.693 is undecided, 0 is certain
 * @param perturbed   the user pushed the cart or pole just before this step
 * @param lambdaReturn G^λ, the λ-return over the same n steps (equals R when λ = 1)
 * @param gaeAdvantage the GAE advantage G^λ − V(s) = Σ (γλ)^k δ_{t+k} (equals A when λ = 1)
 */
public record EpisodeFrame(int t, double[] state, float[] observation, float probLeft,
        float probRight, int action, float value, float reward, boolean terminated,
        boolean truncated, double nStepReturn, double advantage, double tdError, double entropy,
        boolean perturbed, double lambdaReturn, double gaeAdvantage) {
}
