package org.a2clab.ui.training;

import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.a2clab.train.SessionState;

/**
 * Train / Pause / Resume / Continue, Stop, Retrain and Defaults, bound to the view-model's state.
 * Tooltips say what each button keeps and what it discards; accelerators are registered on the
 * scene so they work from any tab.
 */
public final class TrainingControls extends VBox {
    static final String PRIMARY_KEYS = "Shortcut+T";
    static final String STOP_KEYS = "Shortcut+Period";
    static final String RETRAIN_KEYS = "Shortcut+R";
    /** Equal, fixed widths: Pause ↔ Resume ↔ Continue never shifts the row. */
    private static final double BUTTON_WIDTH = 78;

    static final String SOLVED_PAUSE_TEXT = "Paused — solved (Stop when solved is on). Export keeps it; "
            + "Resume trains on";

    private final Button primary = new Button();

    public TrainingControls(TrainingViewModel model, StopWhenSolved solvedStop, Runnable defaults) {
        getStyleClass().add("training-controls");
        primary.setId("primary-button");
        primary.getStyleClass().add("accent");
        primary.setDefaultButton(true);
        primary.textProperty().bind(model.primaryActionProperty().map(PrimaryAction::label));
        Tooltip primaryTip = tip("");
        primaryTip.textProperty().bind(model.primaryActionProperty().map(TrainingControls::explain));
        primary.setTooltip(primaryTip);
        primary.setOnAction(e -> model.primary());

        Button stop = new Button("Stop");
        stop.setId("stop-button");
        stop.disableProperty().bind(model.canStopProperty().not());
        stop.setTooltip(tip("End training. Keeps the network, its plots and statistics for Export, "
                + "Evaluate and the Inspector until a new run starts; Continue trains it further. ("
                + shown(STOP_KEYS) + ")"));
        stop.setOnAction(e -> model.stop());

        Button retrain = new Button("Retrain");
        retrain.setId("retrain-button");
        retrain.setTooltip(tip("Start fresh: discards the current network, its plots and statistics and "
                + "trains a new network with the current settings. Export first to keep it. ("
                + shown(RETRAIN_KEYS) + ")"));
        retrain.setOnAction(e -> model.retrain());

        Button reset = new Button("Defaults");
        reset.setId("defaults-button");
        reset.setTooltip(tip("Reset every hyperparameter to the default of the chosen policy (categorical or Gaussian). "
                + "The network is kept; "
                + "live settings apply at once, the others at the next Retrain"));
        reset.setOnAction(e -> defaults.run());

        // fixed, not grown to the panel: the panel narrows by a scroll bar's width when the state
        // text below wraps to more lines, and grown buttons then shifted by a few pixels
        for (Button b : new Button[] {primary, stop, retrain, reset}) {
            b.setMinWidth(BUTTON_WIDTH);
            b.setPrefWidth(BUTTON_WIDTH);
            b.setMaxWidth(BUTTON_WIDTH);
        }
        Label state = new Label();
        state.setId("state-label");
        state.getStyleClass().add("state-label");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(
                () -> solvedStop.pausedSolvedProperty().get() ? SOLVED_PAUSE_TEXT
                        : describe(model.stateProperty().get(), model.modelKeptProperty().get()),
                model.stateProperty(), model.modelKeptProperty(), solvedStop.pausedSolvedProperty()));
        CheckBox stopWhenSolved = new CheckBox("Stop when solved");
        stopWhenSolved.setId("stop-when-solved-toggle");
        stopWhenSolved.selectedProperty().bindBidirectional(solvedStop.enabledProperty());
        stopWhenSolved.setTooltip(tip("Pause training once the mean return of the last 100 episodes first "
                + "reaches 475 (the solved rule of the status bar and the CLI), before A2C's policy drifts "
                + "away again. Export then, or Resume to train on. Off by default"));
        getChildren().addAll(new HBox(6, primary, stop, retrain, reset), stopWhenSolved, state);

        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                accelerate(scene, PRIMARY_KEYS, primary);
                accelerate(scene, STOP_KEYS, stop);
                accelerate(scene, RETRAIN_KEYS, retrain);
            }
        });
    }

    /** The main button, focused first when the window opens. */
    public Button primaryButton() {
        return primary;
    }

    private static void accelerate(Scene scene, String keys, Button button) {
        scene.getAccelerators().put(KeyCombination.keyCombination(keys), () -> {
            if (!button.isDisabled()) {
                button.fire();
            }
        });
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(380);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    private static String shown(String keys) {
        return KeyCombination.keyCombination(keys).getDisplayText();
    }

    private static String explain(PrimaryAction action) {
        String keys = " (" + shown(PRIMARY_KEYS) + ")";
        switch (action) {
            case PAUSE:
                return "Pause training; keeps the network, plots and counters. Resume goes on" + keys;
            case RESUME:
                return "Continue training the same network, in the same run" + keys;
            case CONTINUE:
                return "Train the kept network further, in the same run; Retrain starts fresh instead" + keys;
            default:
                return "Train a fresh network with the current settings" + keys;
        }
    }

    static String describe(SessionState s, boolean modelKept) {
        switch (s) {
            case NEW:
                return "Ready — press Train";
            case STARTING:
                return "Starting…";
            case RUNNING:
                return "Training";
            case PAUSED:
                return "Paused — network kept; Resume goes on";
            case FAILED:
                return "Failed — network kept; lower α and Resume, or Retrain";
            default:
                return modelKept ? "Stopped — network kept for Export, Evaluate and the Inspector. "
                        + "Continue trains it further; Retrain starts fresh."
                        : "Stopped — press Train";
        }
    }
}
