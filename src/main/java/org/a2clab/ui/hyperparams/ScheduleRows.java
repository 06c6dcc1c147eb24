package org.a2clab.ui.hyperparams;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.LrSchedule;

/**
 * The rows after the sliders that all apply live: advantage normalization, the learning-rate
 * schedule, and each schedule's own settings (enabled only while that schedule is chosen, so a
 * learner sees which knob belongs to which schedule).
 */
final class ScheduleRows {
    /** Spinner arrows move the decay by this many env steps. */
    private static final int DECAY_STEP = 10_000;

    private ScheduleRows() {
    }

    /** Adds the rows from {@code row} on; returns the next free row. */
    static int addTo(GridPane grid, int row, HyperparametersViewModel model) {
        CheckBox normalize = new CheckBox("mean 0, std 1");
        normalize.setId("normalize-advantage-toggle");
        normalize.setSelected(model.settings().normalizeAdvantage());
        normalize.selectedProperty().addListener((obs, old, on) -> model.setNormalizeAdvantage(on));
        model.settingsProperty().addListener((obs, old, hp) -> normalize.setSelected(hp.normalizeAdvantage()));
        ControlRow.add(grid, row++, HyperparameterField.nameOf(HyperparameterSpec.NORMALIZE_ADVANTAGE), normalize,
                HyperparameterSpec.NORMALIZE_ADVANTAGE.meaning(), HyperparameterSpec.NORMALIZE_ADVANTAGE.appliesLive());

        ComboBox<LrSchedule> schedule = new ComboBox<>();
        schedule.setId("lr-schedule-choice");
        schedule.getItems().setAll(LrSchedule.values());
        schedule.setConverter(HyperparametersPanel.names(LrSchedule::label, LrSchedule.values()));
        schedule.setValue(model.settings().lrSchedule());
        schedule.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.setLrSchedule(v);
            }
        });
        model.settingsProperty().addListener((obs, old, hp) -> schedule.setValue(hp.lrSchedule()));
        ControlRow.add(grid, row++, HyperparameterField.nameOf(HyperparameterSpec.LR_SCHEDULE), schedule,
                HyperparameterSpec.LR_SCHEDULE.meaning(), HyperparameterSpec.LR_SCHEDULE.appliesLive());

        HyperparameterRow lrFinal = new HyperparameterRow(HyperparameterField.LR_FINAL, model);
        lrFinal.addTo(grid, row++);
        lrFinal.disableSlider(model.scheduleIs(LrSchedule.LINEAR).not());

        Spinner<Integer> decay = new Spinner<>();
        decay.setId("lr-decay-steps-spinner");
        decay.setEditable(true);
        HyperparameterSpec steps = HyperparameterSpec.LR_DECAY_STEPS;
        decay.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory((int) steps.min(), (int) steps.max(),
                (int) model.settings().lrDecaySteps(), DECAY_STEP));
        decay.valueProperty().addListener((obs, old, v) -> model.setLrDecaySteps(v));
        model.settingsProperty().addListener((obs, old, hp) -> decay.getValueFactory().setValue((int) hp.lrDecaySteps()));
        decay.disableProperty().bind(model.scheduleIs(LrSchedule.LINEAR).not());
        ControlRow.add(grid, row++, HyperparameterField.nameOf(HyperparameterSpec.LR_DECAY_STEPS), decay, steps.meaning(), steps.appliesLive());

        HyperparameterRow drop = new HyperparameterRow(HyperparameterField.LR_DROP, model);
        drop.addTo(grid, row++);
        drop.disableSlider(model.scheduleIs(LrSchedule.DROP_ON_SOLVE).not());
        return row;
    }
}
