package org.a2clab.ui.inspector;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The app's episode export prompts: save dialogs for CSV and GIF, a folder chooser for frames. */
public final class EpisodeFileChoosers implements EpisodePrompts {
    private final Supplier<Window> owner;

    public EpisodeFileChoosers(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> csvFile() {
        return save("Export episode as CSV", "episode.csv", "CSV", "*.csv");
    }

    @Override
    public Optional<Path> framesFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export episode frames — a folder (one holding other files gets a new subfolder)");
        File dir = chooser.showDialog(owner.get());
        return Optional.ofNullable(dir).map(File::toPath);
    }

    @Override
    public Optional<Path> gifFile() {
        return save("Export episode as an animated GIF", "episode.gif", "GIF animation", "*.gif");
    }

    private Optional<Path> save(String title, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }
}
