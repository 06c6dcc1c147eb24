package org.a2clab.ui.experiments;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * A colour per run that never changes while the app runs: the next unused colour of Tableau 20
 * when a run is first seen, kept after the run is deleted, so no other run takes it over and
 * reads as the same line. After 20 runs the colours repeat in order.
 */
public final class RunColours {
    static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#bab0ac"), Color.web("#1f4e79"), Color.web("#b35900"),
        Color.web("#8c1c1d"), Color.web("#3b8a83"), Color.web("#2f6a2a"), Color.web("#a08000"),
        Color.web("#6b3d63"), Color.web("#c2185b"), Color.web("#5d4037"), Color.web("#616161"),
    };
    private final Map<String, Color> byRun = new HashMap<>();
    private int next;

    /** The colour of the run with this id (its folder inside the workspace). */
    public Color of(String runId) {
        return byRun.computeIfAbsent(runId, id -> PALETTE[next++ % PALETTE.length]);
    }
}
