package org.a2clab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.a2clab.ui.hyperparams.HyperparameterField;
import org.testfx.util.WaitForAsyncUtils;

/** The main window for window tests: small, fast runs (4 workers × 5 steps, α 0.0025 by hand), shown and closed. */
final class TestWindow {
    /** The α of every window test's runs: the default cell's, set by hand. */
    static final double LEARNING_RATE = 0.0025;

    private TestWindow() {
    }

    /** Sets the small run, shows {@code window} at {@code width}×{@code height} and starts it. */
    static MainWindow show(Stage stage, MainWindow window, double width, double height) {
        window.hyperparametersModel().set(HyperparameterField.N_STEPS, 5);
        window.hyperparametersModel().set(HyperparameterField.NUM_ENVS, 4);
        // by hand: the window tests' runs keep the α they were written for (auto α follows the small batch)
        window.hyperparametersModel().set(HyperparameterField.LEARNING_RATE, LEARNING_RATE);
        stage.setScene(new Scene(window.root(), width, height));
        stage.show();
        window.start();
        return window;
    }

    /** Shuts the window's training down and waits for its control thread to end. */
    static void close(MainWindow window, ExecutorService control) throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get(20, TimeUnit.SECONDS);
        control.shutdown();
        assertTrue(control.awaitTermination(20, TimeUnit.SECONDS));
    }
}
