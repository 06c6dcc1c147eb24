package org.a2clab.inspect;

import org.a2clab.agent.ActionDistribution;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.PolicyBatch;
import org.a2clab.env.CartPole;

/**
 * π(right|s) and V(s) over a grid of pole angles θ (columns) and angular velocities θ̇ (rows),
 * with the cart's x and ẋ fixed. Cell (i, j) is at θ = thetas[i], θ̇ = thetaDots[j]; arrays are
 * row-major, index {@code j * columns + i}. For a Gaussian policy {@code means} and {@code stds}
 * hold μ(s) and σ(s) and probRight is P(a > 0) = Φ(μ/σ); for a categorical one they are null.
 */
public record Heatmap(double x, double xDot, double[] thetas, double[] thetaDots,
        float[] probRight, float[] values, float[] means, float[] stds) {

    /** A categorical policy's map. */
    public Heatmap(double x, double xDot, double[] thetas, double[] thetaDots, float[] probRight, float[] values) {
        this(x, xDot, thetas, thetaDots, probRight, values, null, null);
    }

    /** θ spans the episode's failure bounds ±12°. */
    public static final double THETA_RANGE = CartPole.THETA_THRESHOLD;
    /** θ̇ range in rad/s: a balancing policy rarely sees more than ±2. */
    public static final double THETA_DOT_RANGE = 2.0;

    /** Evaluates the whole grid in one batched forward pass; call on the network's thread. */
    public static Heatmap compute(ActorCritic net, double x, double xDot, int columns, int rows) {
        double[] thetas = grid(-THETA_RANGE, THETA_RANGE, columns);
        double[] thetaDots = grid(-THETA_DOT_RANGE, THETA_DOT_RANGE, rows);
        float[] flat = new float[columns * rows * ActorCritic.OBSERVATION_SIZE];
        int k = 0;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                flat[k++] = (float) x;
                flat[k++] = (float) xDot;
                flat[k++] = (float) thetas[i];
                flat[k++] = (float) thetaDots[j];
            }
        }
        PolicyBatch batch = net.evaluate(flat, columns * rows);
        float[] probRight = new float[columns * rows];
        for (int c = 0; c < probRight.length; c++) {
            probRight[c] = batch.probRight(c);
        }
        ActionDistribution d = batch.distribution();
        return new Heatmap(x, xDot, thetas, thetaDots, probRight, batch.values(),
                d.means(batch.actor(), probRight.length), d.stds(batch.actor(), probRight.length));
    }

    private static double[] grid(double from, double to, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points per axis");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + (to - from) * i / (count - 1);
        }
        return out;
    }

    public int columns() {
        return thetas.length;
    }

    public int rows() {
        return thetaDots.length;
    }

    public float probRightAt(int i, int j) {
        return probRight[j * columns() + i];
    }

    /** μ(s) at cell (i, j) (Gaussian policies only). */
    public float meanAt(int i, int j) {
        return means[j * columns() + i];
    }

    /** σ(s) at cell (i, j) (Gaussian policies only). */
    public float stdAt(int i, int j) {
        return stds[j * columns() + i];
    }

    public float valueAt(int i, int j) {
        return values[j * columns() + i];
    }

    public double minValue() {
        double m = Double.POSITIVE_INFINITY;
        for (float v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    public double maxValue() {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
