package org.a2clab.ui.charts;

import javafx.scene.paint.Color;

/** Plot colours (Tableau 10), so the same idea has the same colour in every plot. */
final class Palette {
    static final Color BLUE = Color.web("#4e79a7");
    static final Color ORANGE = Color.web("#f28e2b");
    static final Color RED = Color.web("#e15759");
    static final Color TEAL = Color.web("#76b7b2");
    static final Color GREEN = Color.web("#59a14f");
    static final Color PURPLE = Color.web("#b07aa1");
    static final Color GREY = Color.web("#9aa3ad");
    static final Color SOLVED = Color.web("#2e7d32");
    /** Live setting changes: a thin line that reads as an annotation, not data. */
    static final Color LIVE_CHANGE = Color.web("#c2255c", 0.8);

    private Palette() {
    }
}
