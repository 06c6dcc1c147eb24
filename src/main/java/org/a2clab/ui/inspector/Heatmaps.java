package org.a2clab.ui.inspector;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.a2clab.inspect.Heatmap;

/**
 * The V/π heatmap over (θ, dθ/dt) at a chosen (x, ẋ): recomputed when the network or the slice
 * changed, at most every {@link #INTERVAL_NANOS}, one job at a time.
 */
public final class Heatmaps {
    /** At most ~3 heatmap refreshes per second while training changes the network. */
    static final long INTERVAL_NANOS = 333_000_000L;
    public static final int COLUMNS = 41;
    public static final int ROWS = 41;

    private final NetworkRunner runner;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final DoubleProperty x = new SimpleDoubleProperty(this, "heatmapX");
    private final DoubleProperty xDot = new SimpleDoubleProperty(this, "heatmapXDot");
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
    private final ReadOnlyObjectWrapper<ValueScale> valueScale = new ReadOnlyObjectWrapper<>(this, "valueScale");
    private boolean inFlight;
    private long lastStart = Long.MIN_VALUE / 2;

    Heatmaps(NetworkRunner runner) {
        this.runner = runner;
        x.addListener((obs, old, value) -> dirty.set(true));
        xDot.addListener((obs, old, value) -> dirty.set(true));
    }

    /** The network changed; any thread. */
    void networkChanged() {
        dirty.set(true);
    }

    /** The network is gone: the old map would be mistaken for the next one's. */
    void clear() {
        heatmap.set(null);
        valueScale.set(null);
    }

    void refreshIfDue(long nowNanos, boolean networkAvailable) {
        if (inFlight || !networkAvailable || nowNanos - lastStart < INTERVAL_NANOS
                || !dirty.getAndSet(false)) {
            return;
        }
        inFlight = true;
        lastStart = nowNanos;
        double atX = x.get();
        double atXDot = xDot.get();
        runner.run(net -> Heatmap.compute(net, atX, atXDot, COLUMNS,
                ROWS), map -> {
            inFlight = false;
            valueScale.set(ValueScale.widen(valueScale.get(), map.minValue(), map.maxValue()));
            heatmap.set(map);
        }, () -> {
            inFlight = false;
            // e.g. no network yet, or a new run still building it: try again at the next interval
            dirty.set(true);
        });
    }

    public DoubleProperty xProperty() {
        return x;
    }

    public DoubleProperty xDotProperty() {
        return xDot;
    }

    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    /**
     * The V heatmap's colour scale: it only widens while a network trains, so a colour means the
     * same value from one refresh to the next. Starts again with a new run.
     */
    public ReadOnlyObjectProperty<ValueScale> valueScaleProperty() {
        return valueScale.getReadOnlyProperty();
    }
}
