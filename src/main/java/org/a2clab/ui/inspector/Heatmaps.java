package org.a2clab.ui.inspector;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.a2clab.inspect.Heatmap;

/**
 * The V/π heatmap over (θ, dθ/dt) at a chosen (x, ẋ): recomputed when the network or the slice
 * changed, at most every {@link #INTERVAL_NANOS}, one job at a time. A map is kept by the network
 * (and its parameters' version) and the sliders' values it was computed for: "something may have
 * changed" with none of them changed costs no forward pass and no new map.
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
    /** What the shown map was computed for; read on the network's thread, one job at a time. */
    private volatile Key shownKey;
    private int builds;

    /** A map's inputs: the network itself, its parameters' version and the sliders. */
    private record Key(Object network, long version, double x, double xDot) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).network == network && ((Key) o).version == version
                    && Double.compare(((Key) o).x, x) == 0 && Double.compare(((Key) o).xDot, xDot) == 0;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(network) ^ Long.hashCode(version);
        }
    }

    /** A map with what it was computed for; null map: the shown one still holds. */
    private record Computed(Key key, Heatmap map) {
    }

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
        shownKey = null;
    }

    /** How many maps were computed (for tests). */
    int builds() {
        return builds;
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
        runner.run(net -> {
            Key key = new Key(net, net.version(), atX, atXDot);
            return new Computed(key, key.equals(shownKey) ? null : Heatmap.compute(net, atX, atXDot, COLUMNS, ROWS));
        }, computed -> {
            inFlight = false;
            if (computed.map() == null) {
                return;
            }
            Heatmap map = computed.map();
            builds++;
            shownKey = computed.key();
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
