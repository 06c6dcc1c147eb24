package org.a2clab.ui.charts;

import javafx.scene.paint.Color;

/** A line in a plot: its data, legend name, colour and width; dashed for reference-like lines. */
public record Trace(String name, SeriesBuffer data, Color color, double width, boolean dashed) {
    public static Trace line(String name, SeriesBuffer data, Color color) {
        return new Trace(name, data, color, 1.6, false);
    }

    public static Trace thin(String name, SeriesBuffer data, Color color) {
        return new Trace(name, data, color, 0.8, false);
    }
}
