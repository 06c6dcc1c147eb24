package org.a2clab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop app's composition root. */
public final class A2cLabApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(A2cLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("A2C Lab");
        stage.setScene(new Scene(new Label("A2C Lab"), 1280, 800));
        stage.show();
    }
}
