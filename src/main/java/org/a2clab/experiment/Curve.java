package org.a2clab.experiment;

import java.util.Arrays;

/**
 * One learning curve (y against env steps) in bounded memory however long the run: when full it
 * halves its resolution by averaging neighbouring points, and new points are then averaged in
 * buckets of the same width. Thread-safe: a run's thread appends while the app reads copies.
 */
public final class Curve {
    private final int capacity;
    /** Grown on demand up to {@code capacity}: a list of 1,000 short runs holds little. */
    private double[] x = new double[16];
    private double[] y = new double[16];
    private int size;
    private int stride = 1;
    private double bucketX;
    private double bucketY;
    private int bucketCount;
    private long version;

    public Curve(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and ≥ 2, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds a point; NaN values (no episode finished yet) are skipped. x must not decrease. */
    public synchronized void add(double px, double py) {
        if (!Double.isFinite(py)) {
            return;
        }
        bucketX += px;
        bucketY += py;
        bucketCount++;
        if (bucketCount < stride) {
            return;
        }
        if (size == capacity) {
            for (int i = 0; i < size / 2; i++) {
                x[i] = (x[2 * i] + x[2 * i + 1]) / 2;
                y[i] = (y[2 * i] + y[2 * i + 1]) / 2;
            }
            size /= 2;
            stride *= 2;
        } else if (size == x.length) {
            x = Arrays.copyOf(x, Math.min(capacity, 2 * size));
            y = Arrays.copyOf(y, x.length);
        }
        x[size] = bucketX / bucketCount;
        y[size] = bucketY / bucketCount;
        size++;
        bucketX = 0;
        bucketY = 0;
        bucketCount = 0;
        version++;
    }

    /** Changes each time a point is stored, so a reader copies only when there is something new. */
    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return size;
    }

    /** A copy: {xs, ys}. */
    public synchronized double[][] points() {
        return new double[][] {Arrays.copyOf(x, size), Arrays.copyOf(y, size)};
    }

    /** The last stored y, or NaN when empty. */
    public synchronized double last() {
        return size == 0 ? Double.NaN : y[size - 1];
    }
}
