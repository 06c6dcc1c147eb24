package org.a2clab.render;

import org.a2clab.agent.GaussianAction;
import org.a2clab.agent.StepView;

/**
 * The pushed force as {@link CartPolePainter} draws it at the cart's side, chosen by the step's
 * distribution through {@link #OF}: a categorical push's arrow is as long as π of that push, a
 * Gaussian one's as the applied force.
 */
@FunctionalInterface
public interface ForceArrow {
    /** Paints the arrow against a cart centred at {@code cartX}, at height {@code y}. */
    void paint(Canvas2D g, double cartX, double y, double scale, double width);

    /** Each distribution's arrow. */
    StepView<ForceArrow> OF = new StepView<>() {
        @Override
        public ForceArrow categorical(int action, float prob) {
            return (g, cartX, y, scale, width) -> CartPolePainter.paintPush(g, action, prob, cartX, y, scale);
        }

        @Override
        public ForceArrow gaussian(GaussianAction details) {
            return (g, cartX, y, scale, width) -> CartPolePainter.paintGaussianForce(g, details, cartX, y, scale, width);
        }
    };
}
