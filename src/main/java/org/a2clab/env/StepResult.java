package org.a2clab.env;

/**
 * What one CartPole step returns. {@code terminated}: the pole fell or the cart left the track
 * (no future reward). {@code truncated}: the 500-step time limit (the future still has value, so
 * learners must bootstrap). Both can be true on the same step.
 */
public record StepResult(float[] observation, float reward, boolean terminated, boolean truncated) {
    public boolean done() {
        return terminated || truncated;
    }
}
