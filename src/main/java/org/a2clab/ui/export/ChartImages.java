package org.a2clab.ui.export;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Pictures of the charts as they are now, by file name (e.g. "chart-episode-return.png").
 * Call on the FX thread; an interface so the view-model stays off the scene graph.
 */
@FunctionalInterface
public interface ChartImages {
    Map<String, BufferedImage> capture();
}
