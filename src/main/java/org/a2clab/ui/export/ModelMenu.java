package org.a2clab.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The File menu's model items (Open, Export, Export as .zip, Export as ONNX, Evaluate), the progress shown
 * beside the menu bar, and the dialogs that confirm or explain an outcome. Binds only.
 */
public final class ModelMenu {
    /** How long "Model exported", "Could not open …" stay beside the menu. */
    static final Duration OUTCOME_SHOWN = Duration.seconds(6);

    private final ModelFilesViewModel model;
    private final ModelPrompts prompts;

    public ModelMenu(ModelFilesViewModel model, ModelPrompts prompts) {
        this.model = model;
        this.prompts = prompts;
    }

    /** Items for the File menu, in order. */
    public List<MenuItem> items() {
        MenuItem open = item("open-model-item", "Open model folder…", "Shortcut+O", model.canOpenProperty(),
                prompts::modelToOpen, this::open);
        MenuItem openZip = item("open-zip-item", "Open model from .zip…", null, model.canOpenProperty(),
                prompts::modelZipToOpen, this::open);
        MenuItem export = item("export-model-item", "Export model…", "Shortcut+E", model.canUseNetworkProperty(),
                prompts::exportDirectory, this::export);
        MenuItem zip = item("export-zip-item", "Export as .zip…", null, model.canUseNetworkProperty(),
                prompts::exportZip, this::exportZip);
        MenuItem onnx = item("export-onnx-item", "Export as ONNX…", null, model.canUseNetworkProperty(),
                prompts::exportOnnx, this::exportOnnx);
        MenuItem greedy = new MenuItem("Evaluate greedy (argmax π, " + ModelFilesViewModel.EVALUATION_EPISODES + " episodes)");
        greedy.setId("evaluate-greedy-item");
        greedy.disableProperty().bind(model.canUseNetworkProperty().not());
        greedy.setOnAction(e -> model.evaluate(true));
        MenuItem sampled = new MenuItem("Evaluate sampled (a ~ π, " + ModelFilesViewModel.EVALUATION_EPISODES + " episodes)");
        sampled.setId("evaluate-sampled-item");
        sampled.disableProperty().bind(model.canUseNetworkProperty().not());
        sampled.setOnAction(e -> model.evaluate(false));
        return List.of(open, openZip, export, zip, onnx, new SeparatorMenuItem(), greedy, sampled);
    }

    /** Checks the file, then asks when the network in hand would be replaced by one that loads. */
    private void open(Path path) {
        model.open(path, question -> prompts.confirm("Replace the current model with " + path.getFileName() + "?",
                question, "Open and replace"));
    }

    /** Asks which weights (once the run has a best checkpoint), then first when a bundle folder is there already. */
    private void export(Path dir) {
        Optional<ExportChoice> choice = whichWeights();
        if (choice.isEmpty()) {
            return;
        }
        Optional<String> question = model.exportWouldReplace(dir);
        if (question.isEmpty() || prompts.confirm("Replace " + dir.getFileName() + "?", question.get(), "Replace")) {
            model.exportTo(dir, choice.get());
        }
    }

    private void exportZip(Path zip) {
        whichWeights().ifPresent(choice -> model.exportZip(zip, choice));
    }

    /** Current without asking before the first evaluation (there is no best yet); empty when cancelled. */
    private Optional<ExportChoice> whichWeights() {
        Optional<String> best = model.bestChoiceText();
        return best.isEmpty() ? Optional.of(ExportChoice.CURRENT)
                : prompts.exportChoice(best.get(), model.currentChoiceText());
    }

    /** Asks first when the file is there already. */
    private void exportOnnx(Path file) {
        Optional<String> question = model.exportOnnxWouldReplace(file);
        if (question.isEmpty() || prompts.confirm("Replace " + file.getFileName() + "?", question.get(), "Replace")) {
            model.exportOnnx(file);
        }
    }

    private static MenuItem item(String id, String text, String accelerator, ObservableBooleanValue enabled,
            Supplier<Optional<Path>> prompt, Consumer<Path> command) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.disableProperty().bind(Bindings.not(enabled));
        item.setOnAction(e -> prompt.get().ifPresent(command));
        return item;
    }

    /** A spinner while an action runs and the text of what runs or how it ended. */
    public Node progress() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.busyProperty());
        spinner.managedProperty().bind(model.busyProperty());
        Label text = new Label();
        text.setId("model-progress");
        text.textProperty().bind(model.progressProperty());
        // How an action ended is news for a few seconds, not a permanent label.
        PauseTransition fade = new PauseTransition(OUTCOME_SHOWN);
        fade.setOnFinished(e -> model.clearOutcome());
        model.progressProperty().addListener((obs, old, now) -> {
            if (!model.busyProperty().get() && !now.isEmpty()) {
                fade.playFromStart();
            }
        });
        HBox box = new HBox(6, spinner, text);
        box.getStyleClass().add("model-progress");
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(0, 12, 0, 6));
        return box;
    }

    /** Shows each outcome in a non-blocking dialog over {@code owner}. */
    public void showNotices(Window owner) {
        model.noticeProperty().addListener((obs, old, notice) -> {
            if (notice == null) {
                return;
            }
            Alert alert = new Alert(notice.kind() == Notice.Kind.ERROR ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION);
            alert.initOwner(owner);
            alert.setTitle("A2C Lab");
            alert.setHeaderText(notice.title());
            alert.setContentText(notice.text());
            alert.getDialogPane().setId(notice.kind() == Notice.Kind.ERROR ? "model-error" : "model-notice");
            alert.getDialogPane().setMinWidth(560);
            alert.show();
        });
    }
}
