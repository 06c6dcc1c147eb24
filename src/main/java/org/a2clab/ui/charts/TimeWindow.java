package org.a2clab.ui.charts;

/** How much of the run the plots show, in env steps. */
public enum TimeWindow {
    LAST_20K("last 20k steps", 20_000),
    LAST_100K("last 100k steps", 100_000),
    LAST_500K("last 500k steps", 500_000),
    ALL("whole run", Long.MAX_VALUE);

    private final String label;
    private final long steps;

    TimeWindow(String label, long steps) {
        this.label = label;
        this.steps = steps;
    }

    /**
     * The right end of the x range for data up to {@code latest}, rounded up to a 1/20 of the
     * window (of the run, for the whole run): the range moves in steps, not on every update, so
     * all plots can move together when it does.
     */
    public double end(double latest) {
        double span = steps == Long.MAX_VALUE ? latest : steps;
        double quantum = Ticks.step(0, Math.max(1_000, span), 20);
        return Math.max(1_000, Math.ceil(latest / quantum) * quantum);
    }

    /** The x range [min, max] that ends at {@code latest}. */
    public double start(double latest) {
        return steps == Long.MAX_VALUE ? 0 : Math.max(0, latest - steps);
    }

    @Override
    public String toString() {
        return label;
    }
}
