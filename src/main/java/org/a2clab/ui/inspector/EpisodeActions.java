package org.a2clab.ui.inspector;

import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.a2clab.inspect.Impulse;

/**
 * The Inspector's toolbar actions, one list for its buttons and for the Episode menu, so both
 * share text, keys and enabled state. Keys use Ctrl (⌘): the frame keys stay free wherever focus is.
 */
final class EpisodeActions {
    private EpisodeActions() {
    }

    /** One action: its toolbar button and its menu item, bound to the same enabled state. */
    static final class Action {
        final String id;
        final String text;
        final String tip;
        final String keys;
        final ObservableBooleanValue disabled;
        final Runnable run;

        Action(String id, String text, String tip, String keys, ObservableBooleanValue disabled, Runnable run) {
            this.id = id;
            this.text = text;
            this.tip = tip;
            this.keys = keys;
            this.disabled = disabled;
            this.run = run;
        }

        Button button() {
            Button b = InspectorView.button(id, text, tip + " (" + KeyCombination.keyCombination(keys).getDisplayText() + ")", run);
            b.disableProperty().bind(Bindings.createBooleanBinding(disabled::get, disabled));
            return b;
        }

        MenuItem item(Runnable reveal) {
            MenuItem item = new MenuItem(text);
            item.setId(id + "-item");
            item.setAccelerator(KeyCombination.keyCombination(keys));
            item.disableProperty().bind(Bindings.createBooleanBinding(disabled::get, disabled));
            item.setOnAction(e -> {
                reveal.run();
                run.run();
            });
            return item;
        }
    }

    /** Record, push and export, in toolbar order; the exports ask through the view's prompts. */
    static List<Action> of(InspectorViewModel model, Runnable exportCsv, Runnable exportFrames, Runnable exportGif) {
        DoubleSupplier size = () -> model.impulseSizeProperty().get();
        ObservableBooleanValue noNetwork = model.networkAvailableProperty().not();
        ObservableBooleanValue notLive = model.live().liveBinding().not();
        ObservableBooleanValue noEpisode = model.selectedEpisodeProperty().isNull();
        ObservableBooleanValue noFrames = model.selectedEpisodeProperty().isNull().or(model.exports().exportingFramesProperty());
        return List.of(
                new Action("recordGreedy", "Record greedy",
                        "Play one episode with argmax π(a|s), or a = μ(s) for a Gaussian policy", "Shortcut+G",
                        noNetwork, model::recordGreedy),
                new Action("recordSampled", "Record sampled", "Play one episode sampling a ~ π(·|s)",
                        "Shortcut+Shift+G", noNetwork, model::recordSampled),
                new Action("playLive", "Play live", "A greedy episode in real time that you can push", "Shortcut+L",
                        noNetwork, model::playLive),
                new Action("pushPoleLeft", "Pole ←", "dθ/dt −= impulse (rad/s)", "Shortcut+Left", notLive,
                        () -> model.live().push(Impulse.pole(-size.getAsDouble()))),
                new Action("pushPoleRight", "Pole →", "dθ/dt += impulse (rad/s)", "Shortcut+Right", notLive,
                        () -> model.live().push(Impulse.pole(size.getAsDouble()))),
                new Action("pushCartLeft", "Cart ←", "ẋ −= impulse (m/s)", "Shortcut+Shift+Left", notLive,
                        () -> model.live().push(Impulse.cart(-size.getAsDouble()))),
                new Action("pushCartRight", "Cart →", "ẋ += impulse (m/s)", "Shortcut+Shift+Right", notLive,
                        () -> model.live().push(Impulse.cart(size.getAsDouble()))),
                new Action("exportCsv", "Export CSV…", "Save the selected episode's frames", "Shortcut+Shift+C",
                        noEpisode, exportCsv),
                new Action("exportFrames", "Export frames…",
                        "Save the selected episode as a numbered PNG sequence in a folder", "Shortcut+Shift+F", noFrames,
                        exportFrames),
                new Action("exportGif", "Export GIF…",
                        "Save the selected episode as a looping animated GIF, one frame per step at 50 frames/s",
                        "Shortcut+Shift+I", noFrames, exportGif));
    }

    /** The Episode menu of {@code all}, grouped as the toolbar; {@code reveal} shows the Inspector first. */
    static Menu menu(List<Action> all, Runnable reveal) {
        Menu menu = new Menu("_Episode");
        menu.setId("episode-menu");
        for (int i = 0; i < all.size(); i++) {
            if (i == 3 || i == 7) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().add(all.get(i).item(reveal));
        }
        return menu;
    }
}
