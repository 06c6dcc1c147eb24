package org.a2clab.ui.charts;

import javafx.scene.paint.Color;

/** A labelled horizontal line at a fixed y, e.g. the 475 "solved" return. */
public record ReferenceLine(String label, double y, Color color) {
}
