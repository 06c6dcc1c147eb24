package org.a2clab.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Filter;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.a2clab.ui.training.SessionHandle;

/** The desktop app's composition root: real training sessions, one background thread for disk work, the main window. */
public final class A2cLabApp extends Application {
    private ExecutorService background;
    private MainWindow window;

    /** Held so the filter outlives this call (JUL keeps loggers weakly). */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    public static void launchApp(String[] args) {
        quietClassPathWarning();
        Application.launch(A2cLabApp.class, args);
    }

    /**
     * {@code java -jar a2c-lab.jar} puts JavaFX on the class path, which JavaFX supports but warns
     * about at every start ("Unsupported JavaFX configuration"). DJL's jars cannot be modules
     * (see the README), so that is how this app runs outside the jlink'ed image; drop exactly that
     * one message, and nothing else JavaFX logs.
     */
    private static void quietClassPathWarning() {
        if (Application.class.getModule().isNamed()) {
            return; // JavaFX as modules (the jlink'ed runtime): no warning to begin with
        }
        Filter previous = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith("Unsupported JavaFX configuration")) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
    }

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "background");
            t.setDaemon(true);
            return t;
        });
        window = new MainWindow(SessionHandle.factory(), background);
        stage.setTitle("A2C Lab — advantage actor-critic on CartPole-v1");
        stage.setScene(new Scene(window.root(), 1500, 940));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.show();
        window.start();
        window.focusFirstControl();
    }

    /** Closing the window mid-training stops the worker and frees the network before the JVM exits. */
    @Override
    public void stop() throws InterruptedException {
        window.shutdown();
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
