package org.a2clab.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.a2clab.ui.training.Failure;

/** Shows a failed run (diverged, no GPU, out of memory) in a non-blocking dialog; the app stays usable. */
final class FailureAlerts {
    private FailureAlerts() {
    }

    static void install(ObservableValue<Failure> failure, Window owner) {
        failure.addListener((obs, old, f) -> {
            if (f == null) {
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle("A2C Lab");
            alert.setHeaderText(f.atStart() ? "Training could not start" : "Training stopped");
            alert.setContentText(f.message() + "\n\n" + (f.atStart()
                    ? "Change the settings (e.g. device) and press Train."
                    : "The last good network is kept: lower the learning rate α and press Resume, "
                            + "or change the settings and Retrain."));
            alert.getDialogPane().setMinWidth(520);
            alert.show();
        });
    }
}
