package org.a2clab.env;

import java.util.SplittableRandom;

/**
 * Gymnasium 1.0 CartPole-v1, ported operation for operation so that trajectories match the
 * reference bit for bit. The state is kept in {@code double}; observations are its float32 cast.
 */
public final class CartPole implements Environment {
    public static final double GRAVITY = 9.8;
    public static final double MASS_CART = 1.0;
    public static final double MASS_POLE = 0.1;
    public static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length, as in Gymnasium. */
    public static final double LENGTH = 0.5;
    public static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    public static final double FORCE_MAG = 10.0;
    public static final double TAU = 0.02;
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
    public static final double X_THRESHOLD = 2.4;
    public static final int MAX_EPISODE_STEPS = 500;
    public static final int OBSERVATION_SIZE = 4;
    public static final int ACTIONS = 2;

    private double x, xDot, theta, thetaDot;
    private int elapsedSteps;
    private final SplittableRandom random;

    /** A CartPole whose resets draw from a generator seeded with {@code seed}. */
    public CartPole(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Starts a new episode at a uniform random state in ±0.05 and returns its observation. */
    @Override
    public float[] reset() {
        return setState(uniform(), uniform(), uniform(), uniform());
    }

    /** Starts a new episode at exactly this state (step counter 0); returns its observation. */
    public float[] setState(double x, double xDot, double theta, double thetaDot) {
        this.x = x;
        this.xDot = xDot;
        this.theta = theta;
        this.thetaDot = thetaDot;
        this.elapsedSteps = 0;
        return observation();
    }

    /** Overwrites the state mid-episode (a push), keeping the step counter. */
    public float[] perturb(double dx, double dxDot, double dTheta, double dThetaDot) {
        x += dx;
        xDot += dxDot;
        theta += dTheta;
        thetaDot += dThetaDot;
        return observation();
    }

    private double uniform() {
        return -0.05 + 0.1 * random.nextDouble();
    }

    /** Applies action 0 (push left, −10 N) or 1 (push right, +10 N) for one Euler step of 20 ms. */
    @Override
    public StepResult step(int action) {
        if (action != 0 && action != 1) {
            throw new IllegalArgumentException("action must be 0 or 1, got " + action);
        }
        return applyForce(action == 1 ? FORCE_MAG : -FORCE_MAG);
    }

    /**
     * The continuous-force CartPole: a real action {@code a} pushes with {@link #force(double)}
     * = 10 N × clip(a, −1, 1); a = ±1 is the discrete step bit for bit. A non-finite a is refused.
     */
    @Override
    public StepResult stepContinuous(double action) {
        if (!Double.isFinite(action)) {
            throw new IllegalArgumentException("a continuous action must be finite, got " + action);
        }
        return applyForce(force(action));
    }

    /** The force (N) a continuous action a applies: 10 N × clip(a, −1, 1), in double. */
    public static double force(double action) {
        return FORCE_MAG * Math.max(-1.0, Math.min(1.0, action));
    }

    /** One Euler step of 20 ms under {@code force} newtons (positive pushes towards +x). */
    private StepResult applyForce(double force) {
        double costheta = Math.cos(theta);
        double sintheta = Math.sin(theta);
        // Same grouping as Gymnasium (np.square first, then left to right): bit-exact.
        double temp = (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sintheta) / TOTAL_MASS;
        double thetaacc = (GRAVITY * sintheta - costheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (costheta * costheta) / TOTAL_MASS));
        double xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS;
        x = x + TAU * xDot;
        xDot = xDot + TAU * xacc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaacc;
        elapsedSteps++;

        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
        boolean truncated = elapsedSteps >= MAX_EPISODE_STEPS;
        // Gymnasium pays 1 on every step, the terminating one included.
        return new StepResult(observation(), 1.0f, terminated, truncated);
    }

    public float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }

    /** The exact double state {x, ẋ, θ, θ̇}. */
    @Override
    public double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    @Override
    public int elapsedSteps() {
        return elapsedSteps;
    }
}
