package org.a2clab.ui.hyperparams;

import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.a2clab.train.Hyperparameters;

/**
 * One slider row: name, slider, exact value, and a "live" / "on retrain" badge that turns amber
 * while an edit waits for a retrain. The slider moves in [0, 1]; the field maps it to its scale.
 */
final class HyperparameterRow {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private final HyperparameterField field;
    private final HyperparametersViewModel model;
    private final Slider slider = new Slider(0, 1, 0);
    private final Label value = new Label();
    private final Label badge = new Label();
    /** Held here: a binding only its own listener refers to would be garbage-collected. */
    private final BooleanBinding pending;
    /** Held for the same reason as {@link #pending}. */
    private BooleanBinding disabledWhile;
    /** A control right of the slider, in the slider's column (α's auto toggle); null for none. */
    private Node besideSlider;
    private boolean syncing;

    HyperparameterRow(HyperparameterField field, HyperparametersViewModel model) {
        this.field = field;
        this.model = model;
        String id = field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        slider.setId(id + "-slider");
        value.setId(id + "-value");
        badge.setId(id + "-badge");
        value.getStyleClass().add("hp-value");
        badge.getStyleClass().add("hp-badge");
        badge.getStyleClass().add(field.spec().appliesLive() ? "live" : "retrain");
        badge.setText(field.spec().appliesLive() ? "live" : "on retrain");
        slider.setBlockIncrement(0.01);

        slider.valueProperty().addListener((obs, old, p) -> {
            if (!syncing) {
                model.set(field, field.toValue(p.doubleValue()));
            }
        });
        model.settingsProperty().addListener((obs, old, hp) -> show(hp));
        pending = model.pendingRetrain(field);
        pending.addListener((obs, was, is) -> badge.pseudoClassStateChanged(PENDING, is));
        show(model.settings());
    }

    /** Greys the slider out while {@code disabled} holds (the name keeps its tooltip). */
    void disableSlider(BooleanBinding disabled) {
        disabledWhile = disabled;
        slider.disableProperty().bind(disabled);
    }

    /** Puts {@code node} right of the slider, in its column, so the other columns keep their widths. */
    void besideSlider(Node node) {
        besideSlider = node;
    }

    void addTo(GridPane grid, int row) {
        Label name = new Label(field.label());
        name.getStyleClass().add("hp-name");
        Tooltip tip = new Tooltip(tooltipText());
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {name, slider, value, badge}) {
            c.setTooltip(tip);
        }
        GridPane.setHgrow(slider, Priority.ALWAYS);
        if (besideSlider == null) {
            grid.addRow(row, name, slider, value, badge);
        } else {
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.setMinWidth(0);
            HBox cell = new HBox(4, slider, besideSlider);
            cell.setAlignment(Pos.CENTER_LEFT);
            grid.addRow(row, name, cell, value, badge);
        }
    }

    private String tooltipText() {
        return field.spec().meaning() + ".\nRange " + field.format(field.spec().min()) + " – "
                + field.format(field.spec().max()) + "; "
                + (field.spec().appliesLive() ? "applies live, at the next update." : "applies on Retrain (fresh network).");
    }

    /** Moves the slider to the model's value without echoing it back as an edit. */
    private void show(Hyperparameters hp) {
        double v = field.get(hp);
        value.setText(field.format(v));
        syncing = true;
        try {
            // Integer fields round; snap the thumb to the value actually used.
            slider.setValue(field.toPosition(v));
        } finally {
            syncing = false;
        }
    }
}
