package org.a2clab.ui.training;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.a2clab.train.SessionState;

/** Train / Pause / Resume, Stop, Retrain and Defaults, bound to the view-model's state. */
public final class TrainingControls extends VBox {
    public TrainingControls(TrainingViewModel model, Runnable defaults) {
        getStyleClass().add("training-controls");
        Button primary = new Button();
        primary.setId("primary-button");
        primary.getStyleClass().add("accent");
        primary.setDefaultButton(true);
        primary.textProperty().bind(model.primaryActionProperty().map(PrimaryAction::label));
        primary.setOnAction(e -> model.primary());

        Button stop = new Button("Stop");
        stop.setId("stop-button");
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setOnAction(e -> model.stop());

        Button retrain = new Button("Retrain");
        retrain.setId("retrain-button");
        retrain.setTooltip(new Tooltip("Stop, clear the plots and train a fresh network with the current settings"));
        retrain.setOnAction(e -> model.retrain());

        Button reset = new Button("Defaults");
        reset.setId("defaults-button");
        reset.setTooltip(new Tooltip("Reset every hyperparameter to its default"));
        reset.setOnAction(e -> defaults.run());

        for (Button b : new Button[] {primary, stop, retrain, reset}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        Label state = new Label();
        state.setId("state-label");
        state.getStyleClass().add("state-label");
        state.textProperty().bind(model.stateProperty().map(TrainingControls::describe));
        getChildren().addAll(new HBox(6, primary, stop, retrain, reset), state);
    }

    private static String describe(SessionState s) {
        switch (s) {
            case NEW:
                return "Ready — press Train";
            case STARTING:
                return "Starting…";
            case RUNNING:
                return "Training";
            case PAUSED:
                return "Paused";
            case FAILED:
                return "Failed — network kept; lower α and Resume, or Retrain";
            default:
                return "Stopped";
        }
    }
}
