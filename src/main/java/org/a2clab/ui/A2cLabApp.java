package org.a2clab.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.a2clab.ui.training.SessionHandle;

/** The desktop app's composition root: real training sessions, one control thread, the main window. */
public final class A2cLabApp extends Application {
    private ExecutorService control;
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(A2cLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        control = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "session-control");
            t.setDaemon(true);
            return t;
        });
        window = new MainWindow(SessionHandle.factory(), control);
        stage.setTitle("A2C Lab — advantage actor-critic on CartPole-v1");
        stage.setScene(new Scene(window.root(), 1500, 940));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.show();
        window.start();
    }

    /** Closing the window mid-training stops the worker and frees the network before the JVM exits. */
    @Override
    public void stop() throws InterruptedException {
        window.shutdown();
        control.shutdown();
        control.awaitTermination(10, TimeUnit.SECONDS);
    }
}
