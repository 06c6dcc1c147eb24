package org.a2clab.inspect;

/**
 * A push by the user: adds {@code size} to one velocity of the state, instantly. Positive sizes
 * push to the right (ẋ) or tip the pole to the right (θ̇, since θ > 0 leans right).
 */
public record Impulse(Target target, double size) {
    public enum Target {
        /** ẋ, in m/s. */
        CART_VELOCITY,
        /** θ̇, in rad/s. */
        POLE_ANGULAR_VELOCITY
    }

    public Impulse {
        if (target == null || !Double.isFinite(size)) {
            throw new IllegalArgumentException("an impulse needs a target and a finite size");
        }
    }

    public static Impulse pole(double size) {
        return new Impulse(Target.POLE_ANGULAR_VELOCITY, size);
    }

    public static Impulse cart(double size) {
        return new Impulse(Target.CART_VELOCITY, size);
    }
}
