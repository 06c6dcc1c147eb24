package org.a2clab.ui.render;

/** How the rendered worker is played back. */
public enum PlaybackSpeed {
    /** 50 steps per second, as Gymnasium renders CartPole (τ = 0.02 s). */
    REAL_TIME("real time (50 Hz)"),
    /** Always the newest step: the cart-pole as fast as training runs. */
    AS_FAST_AS_TRAINING("as fast as training");

    private final String label;

    PlaybackSpeed(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
