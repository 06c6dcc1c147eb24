package org.a2clab.ui.charts;

import javafx.scene.paint.Color;

/** Points drawn as dots, not joined (e.g. greedy evaluations); {@code ring}: an open circle around them. */
public record Markers(String name, SeriesBuffer data, Color color, double radius, boolean ring) {
    public static Markers dots(String name, SeriesBuffer data, Color color) {
        return new Markers(name, data, color, 3.5, false);
    }

    public static Markers ring(String name, SeriesBuffer data, Color color) {
        return new Markers(name, data, color, 7, true);
    }
}
