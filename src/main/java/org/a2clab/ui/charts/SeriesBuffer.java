package org.a2clab.ui.charts;

/**
 * A plotted series with bounded memory however long training runs: the most recent points at
 * full resolution in a ring, and the whole history in a buffer that halves its resolution (mean
 * of neighbouring pairs) whenever it fills. Narrow time windows read the ring, wide ones the
 * history. x must not decrease.
 */
public final class SeriesBuffer {
    /** Receives the points of a range in x order. */
    @FunctionalInterface
    public interface PointVisitor {
        void visit(double x, double y);
    }

    private final double[] recentX;
    private final double[] recentY;
    private int recentStart;
    private int recentSize;

    private final double[] historyX;
    private final double[] historyY;
    private int historySize;
    private int stride = 1;
    private double bucketX;
    private double bucketY;
    private int bucketCount;
    private int bucketYCount;

    public SeriesBuffer(int recentCapacity, int historyCapacity) {
        if (historyCapacity % 2 != 0) {
            throw new IllegalArgumentException("history capacity must be even");
        }
        recentX = new double[recentCapacity];
        recentY = new double[recentCapacity];
        historyX = new double[historyCapacity];
        historyY = new double[historyCapacity];
    }

    public SeriesBuffer() {
        this(4096, 2048);
    }

    /** Adds a point; a NaN y is kept (it breaks the line) but does not poison averaged history. */
    public void add(double x, double y) {
        int end = (recentStart + recentSize) % recentX.length;
        recentX[end] = x;
        recentY[end] = y;
        if (recentSize < recentX.length) {
            recentSize++;
        } else {
            recentStart = (recentStart + 1) % recentX.length;
        }
        addToHistory(x, y);
    }

    public void clear() {
        recentStart = 0;
        recentSize = 0;
        historySize = 0;
        stride = 1;
        bucketX = 0;
        bucketY = 0;
        bucketCount = 0;
        bucketYCount = 0;
    }

    public boolean isEmpty() {
        return recentSize == 0;
    }

    /** Number of points held, ring and history together (bounded by the two capacities). */
    public int storedPoints() {
        return recentSize + historySize;
    }

    public double lastY() {
        return recentY[(recentStart + recentSize - 1) % recentY.length];
    }

    /**
     * Visits the points with x in [xMin, xMax]: only the ring when it covers the range (full
     * resolution), else the history plus the ring's points after it (one resolution throughout).
     */
    public void visit(double xMin, double xMax, PointVisitor visitor) {
        if (recentSize == 0) {
            return;
        }
        double after = Double.NEGATIVE_INFINITY;
        if (xMin < recentX[recentStart] && historySize > 0) {
            for (int i = 0; i < historySize; i++) {
                if (historyX[i] >= xMin && historyX[i] <= xMax) {
                    visitor.visit(historyX[i], historyY[i]);
                }
            }
            after = historyX[historySize - 1];
        }
        for (int k = 0; k < recentSize; k++) {
            int i = (recentStart + k) % recentX.length;
            if (recentX[i] > xMax) {
                return;
            }
            if (recentX[i] >= xMin && recentX[i] > after) {
                visitor.visit(recentX[i], recentY[i]);
            }
        }
    }

    private void addToHistory(double x, double y) {
        bucketX += x;
        bucketCount++;
        if (!Double.isNaN(y)) {
            bucketY += y;
            bucketYCount++;
        }
        if (bucketCount < stride) {
            return;
        }
        if (historySize == historyX.length) {
            halveHistory();
        }
        historyX[historySize] = bucketX / bucketCount;
        historyY[historySize] = bucketYCount == 0 ? Double.NaN : bucketY / bucketYCount;
        historySize++;
        bucketX = 0;
        bucketY = 0;
        bucketCount = 0;
        bucketYCount = 0;
    }

    private void halveHistory() {
        for (int i = 0; i < historySize / 2; i++) {
            historyX[i] = (historyX[2 * i] + historyX[2 * i + 1]) / 2;
            historyY[i] = meanIgnoringNaN(historyY[2 * i], historyY[2 * i + 1]);
        }
        historySize /= 2;
        stride *= 2;
    }

    private static double meanIgnoringNaN(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : (a + b) / 2;
    }
}
