package org.a2clab.ui.hyperparams;

import java.util.function.Function;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;

/** The hyperparameter sliders and choices, and a banner naming the edits that wait for a retrain ({@link #retrainBanner}). */
public final class HyperparametersPanel extends VBox {
    private static final int MAX_SEED = Integer.MAX_VALUE;
    private static final double BADGE_WIDTH = 74;
    private final Label banner;
    /** Held: a binding only its own listeners refer to would be garbage-collected. */
    private StringBinding measured;

    public HyperparametersPanel(HyperparametersViewModel model) {
        getStyleClass().add("hp-panel");
        Label title = new Label("Hyperparameters");
        title.getStyleClass().add("section-title");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("hp-grid");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints slider = new ColumnConstraints(80, 120, Double.MAX_VALUE);
        slider.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints(64);
        // fixed: a badge turning bold ("pending") must not take width from the sliders
        ColumnConstraints badge = new ColumnConstraints(BADGE_WIDTH, BADGE_WIDTH, BADGE_WIDTH);
        grid.getColumnConstraints().addAll(name, slider, value, badge);
        int row = PolicyRows.addTo(grid, 0, model);
        for (HyperparameterField f : HyperparameterField.values()) {
            if (f != HyperparameterField.LR_FINAL && f != HyperparameterField.LR_DROP
                    && f != HyperparameterField.INITIAL_LOG_STD) {
                HyperparameterRow r = new HyperparameterRow(f, model);
                if (f == HyperparameterField.LEARNING_RATE) {
                    r.besideSlider(AutoLearningRate.toggle(model));
                }
                r.addTo(grid, row++);
                if (f == HyperparameterField.NUM_ENVS) {
                    // below workers and n (the rows above): what the measured table says about this cell
                    grid.add(measuredNote(model), 0, row++, 4, 1);
                }
            }
        }
        row = ScheduleRows.addTo(grid, row, model);
        addChoices(grid, row, model);

        banner = new Label();
        banner.setId("retrain-banner");
        banner.getStyleClass().add("retrain-banner");
        banner.setWrapText(true);
        StringBinding pending = model.pendingRetrainSummary();
        banner.textProperty().bind(pending.map(s -> s.isEmpty() ? "" : "Retrain to apply: " + s));
        banner.visibleProperty().bind(pending.isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        getChildren().addAll(title, grid);
    }

    /** A quiet wrapped label, shown only while there is something to say; it never widens the grid. */
    private Label measuredNote(HyperparametersViewModel model) {
        Label note = new Label();
        note.setId("measured-note");
        note.getStyleClass().add("measured-note");
        note.setWrapText(true);
        // a small preferred width: the grid's columns, not the note's text, decide the width
        note.setMinWidth(0);
        note.setPrefWidth(1);
        note.setMaxWidth(Double.MAX_VALUE);
        measured = model.measuredNote();
        note.textProperty().bind(measured);
        note.visibleProperty().bind(measured.isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /**
     * "Retrain to apply: …", shown while settings wait for a retrain. A node of its own, so the
     * layout keeps it in sight below the scrolling sliders (at 1024 × 700 it fell below the fold).
     */
    public Label retrainBanner() {
        return banner;
    }

    private static void addChoices(GridPane grid, int row, HyperparametersViewModel model) {
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("seed-spinner");
        seed.setEditable(true);
        seed.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_SEED, (int) model.settings().seed()));
        seed.valueProperty().addListener((obs, old, v) -> model.setSeed(v));
        seed.setMaxWidth(Double.MAX_VALUE);
        model.settingsProperty().addListener((obs, old, hp) -> seed.getValueFactory().setValue((int) hp.seed()));

        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.setId("optimizer-choice");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setConverter(names(k -> k == OptimizerKind.ADAM ? "Adam" : "RMSprop", OptimizerKind.values()));
        optimizer.setValue(model.settings().optimizer());
        optimizer.valueProperty().addListener((obs, old, v) -> model.setOptimizer(v));
        model.settingsProperty().addListener((obs, old, hp) -> optimizer.setValue(hp.optimizer()));

        ComboBox<DeviceChoice> device = new ComboBox<>();
        device.setId("device-choice");
        device.getItems().setAll(DeviceChoice.values());
        device.setConverter(names(d -> d == DeviceChoice.AUTO ? "auto" : d.name(),
                DeviceChoice.values()));
        device.setValue(model.settings().device());
        device.valueProperty().addListener((obs, old, v) -> model.setDevice(v));
        model.settingsProperty().addListener((obs, old, hp) -> device.setValue(hp.device()));

        addChoice(grid, row, "seed", seed, "seeds network initialisation, environments and action sampling");
        addChoice(grid, row + 1, "optimizer", optimizer, "Adam, or RMSprop as in the A3C paper");
        addChoice(grid, row + 2, "device", device, "auto picks a CUDA GPU when PyTorch sees one, else the CPU");
    }

    /** Shows enum constants as people write them ("RMSprop", not "RMSPROP"). */
    static <E extends Enum<E>> StringConverter<E> names(Function<E, String> name, E[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : name.apply(e);
            }

            @Override
            public E fromString(String s) {
                for (E e : values) {
                    if (name.apply(e).equals(s)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    private static void addChoice(GridPane grid, int row, String name, javafx.scene.control.Control control, String meaning) {
        ControlRow.add(grid, row, name, control, meaning, false);
    }
}
