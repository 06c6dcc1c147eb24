package org.a2clab.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Shows a failed run (diverged, no GPU, out of memory) in a non-blocking dialog; the app stays usable. */
final class FailureAlerts {
    private FailureAlerts() {
    }

    static void install(ObservableStringValue failure, Window owner) {
        failure.addListener((obs, old, message) -> {
            if (message == null || message.isEmpty()) {
                return;
            }
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.initOwner(owner);
            alert.setTitle("Training failed");
            alert.setHeaderText("Training stopped: " + message);
            alert.setContentText("The last good network is kept. Lower the learning rate α and press "
                    + "Resume, or change the settings and Retrain.");
            alert.show();
        });
    }
}
