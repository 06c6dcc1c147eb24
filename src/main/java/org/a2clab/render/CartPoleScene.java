package org.a2clab.render;

/**
 * What {@link CartPolePainter} draws: one CartPole state and the push taken in it.
 *
 * @param state   {x, ẋ, θ, θ̇}; copied, so the scene stays as it was made
 * @param caption the line of text at the top left
 * @param fallen  the pole fell or the cart left the track here: the pole is drawn red
 * @param flash   how an episode just ended, as a coloured frame and banner
 * @param push    the pushed force's arrow, as the step's distribution draws it ({@link ForceArrow#OF})
 */
public record CartPoleScene(double[] state, String caption, boolean fallen, Flash flash, ForceArrow push) {
    public CartPoleScene {
        state = state.clone();
    }

    @Override
    public double[] state() {
        return state.clone();
    }
}
