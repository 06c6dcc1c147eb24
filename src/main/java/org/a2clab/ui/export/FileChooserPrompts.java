package org.a2clab.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The app's prompts: save dialogs name the new bundle directory or .zip; Open model picks the
 * bundle folder itself, Open .zip a file (one native chooser cannot pick both); confirmations
 * are dialogs whose default button is Cancel, so a stray Enter replaces nothing.
 */
public final class FileChooserPrompts implements ModelPrompts {
    private final Supplier<Window> owner;
    private File lastDirectory;

    public FileChooserPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> exportDirectory() {
        FileChooser chooser = chooser("Export model — name the new bundle folder");
        chooser.setInitialFileName("cartpole-a2c");
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> exportZip() {
        FileChooser chooser = chooser("Export model as .zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archive", "*.zip"));
        chooser.setInitialFileName("cartpole-a2c.zip");
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> exportOnnx() {
        FileChooser chooser = chooser("Export the network as ONNX");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        chooser.setInitialFileName("cartpole-a2c.onnx");
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> modelToOpen() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open model — choose the exported model's folder");
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return remember(chooser.showDialog(owner.get()));
    }

    @Override
    public Optional<Path> modelZipToOpen() {
        FileChooser chooser = chooser("Open model from a .zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("A2C Lab model (*.zip)", "*.zip"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<ExportChoice> exportChoice(String best, String current) {
        ButtonType bestButton = new ButtonType(best, ButtonBar.ButtonData.YES);
        ButtonType currentButton = new ButtonType(current, ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "A2C's policy can get worse after it solved "
                + "the task. The best-evaluated weights are usually the ones to keep.", bestButton, currentButton,
                ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("A2C Lab");
        alert.setHeaderText("Export which weights?");
        alert.getDialogPane().setId("export-choice-dialog");
        alert.getDialogPane().setMinWidth(560);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return Optional.empty();
        }
        return Optional.of(answer.get() == bestButton ? ExportChoice.BEST : ExportChoice.CURRENT);
    }

    @Override
    public boolean confirm(String header, String question, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, go, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle("A2C Lab");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirm-dialog");
        alert.getDialogPane().setMinWidth(520);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastDirectory = chosen.getAbsoluteFile().getParentFile();
        return Optional.of(chosen.toPath());
    }
}
