package org.a2clab.ui.export;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Pictures of the charts as they are now, by file name (e.g. "chart-episode-return.png"): taken
 * when {@link #capture()} is called on the FX thread, encoded as PNG when a supplier is asked (on
 * a background thread). An interface so the view-model stays off the scene graph and off AWT.
 */
@FunctionalInterface
public interface ChartImages {
    Map<String, Supplier<byte[]>> capture();
}
