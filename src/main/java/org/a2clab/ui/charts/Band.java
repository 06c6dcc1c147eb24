package org.a2clab.ui.charts;

import javafx.scene.paint.Color;

/** A shaded area between two series sampled at the same x, e.g. mean ± one standard deviation. */
public record Band(String name, SeriesBuffer lower, SeriesBuffer upper, Color color) {
}
