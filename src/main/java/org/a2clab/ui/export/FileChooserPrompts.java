package org.a2clab.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The app's prompts: save dialogs name the new bundle directory or .zip; the open dialog takes
 * a bundle's {@code manifest.json} (meaning its directory) or a .zip, since one native chooser
 * cannot pick both folders and files.
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
    public Optional<Path> modelToOpen() {
        FileChooser chooser = chooser("Open model — a bundle's manifest.json or a .zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                "A2C Lab model (manifest.json, *.zip)", "manifest.json", "*.zip"));
        Optional<Path> chosen = remember(chooser.showOpenDialog(owner.get()));
        return chosen.map(p -> p.getFileName().toString().equals("manifest.json") ? p.getParent() : p);
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
