package org.a2clab.ui.hyperparams;

import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;

/** A row whose control is not a slider (choice, toggle, spinner): name, control, live/retrain badge. */
final class ControlRow {
    private ControlRow() {
    }

    /** {@code meaning} ends without a full stop; the badge and tooltip say when it applies. */
    static void add(GridPane grid, int row, String name, Control control, String meaning, boolean live) {
        Label label = new Label(name);
        label.getStyleClass().add("hp-name");
        Label badge = new Label(live ? "live" : "on retrain");
        badge.getStyleClass().addAll("hp-badge", live ? "live" : "retrain");
        Tooltip tip = new Tooltip(meaning + "; " + (live ? "applies live, at the next update." : "applies on Retrain."));
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        label.setTooltip(tip);
        control.setTooltip(tip);
        badge.setTooltip(tip);
        control.setMaxWidth(Double.MAX_VALUE);
        grid.add(label, 0, row);
        grid.add(control, 1, row, 2, 1);
        grid.add(badge, 3, row);
    }
}
