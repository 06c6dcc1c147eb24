package org.a2clab.ui.experiments;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.train.Hyperparameters;

/** {@link ExperimentPrompts} as the app's dialogs and file choosers over {@code owner}. */
public final class DialogPrompts implements ExperimentPrompts {
    private final Supplier<Window> owner;

    public DialogPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<ExperimentPlan> newExperiment(Hyperparameters base) {
        NewExperimentDialog d = new NewExperimentDialog(base, Runtime.getRuntime().availableProcessors());
        d.initOwner(owner.get());
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path current) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (current != null && Files.isDirectory(current)) {
            c.setInitialDirectory(current.toFile());
        }
        File f = c.showDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<String> rename(String current) {
        TextInputDialog d = new TextInputDialog(current);
        d.initOwner(owner.get());
        d.setTitle("Rename run");
        d.setHeaderText("A name for this run (empty: its settings)");
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setHeaderText(null);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
