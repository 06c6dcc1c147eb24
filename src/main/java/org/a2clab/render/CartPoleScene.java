package org.a2clab.render;

import org.a2clab.agent.GaussianAction;

/**
 * What {@link CartPolePainter} draws: one CartPole state and the push taken in it.
 *
 * @param state      {x, ẋ, θ, θ̇}; copied, so the scene stays as it was made
 * @param action     0 = push left, 1 = push right (for a Gaussian policy the force's direction)
 * @param actionProb π of that action, the force arrow's length (categorical policy only)
 * @param caption    the line of text at the top left
 * @param fallen     the pole fell or the cart left the track here: the pole is drawn red
 * @param flash      how an episode just ended, as a coloured frame and banner
 * @param gaussian   a Gaussian policy's μ, σ, sampled a and applied force: the arrow's length is
 *                   then |force| and a clipped a is marked; null for a categorical policy
 */
public record CartPoleScene(double[] state, int action, double actionProb, String caption,
        boolean fallen, Flash flash, GaussianAction gaussian) {
    public CartPoleScene {
        state = state.clone();
    }

    /** A categorical policy's scene. */
    public CartPoleScene(double[] state, int action, double actionProb, String caption, boolean fallen, Flash flash) {
        this(state, action, actionProb, caption, fallen, flash, null);
    }

    @Override
    public double[] state() {
        return state.clone();
    }
}
