package org.a2clab.ui.hyperparams;

import javafx.scene.control.ComboBox;
import javafx.scene.layout.GridPane;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.HyperparameterSpec;

/**
 * The first rows: the actor's distribution (categorical or Gaussian) and the Gaussian policy's
 * initial log σ, enabled only while Gaussian is chosen. Both apply on retrain: the heads differ.
 */
final class PolicyRows {
    /** What switching does to the other settings; the README says the same. */
    static final String SWITCH_RULE = "switching moves every setting still at the old policy's default (e.g. α, β, initial log σ) "
            + "to the new policy's default, settings you changed stay; Defaults resets to the chosen policy's defaults";

    private PolicyRows() {
    }

    /** Adds the rows from {@code row} on; returns the next free row. */
    static int addTo(GridPane grid, int row, HyperparametersViewModel model) {
        ComboBox<PolicyKind> policy = new ComboBox<>();
        policy.setId("policy-choice");
        policy.getItems().setAll(PolicyKind.values());
        policy.setConverter(HyperparametersPanel.names(PolicyKind::label, PolicyKind.values()));
        policy.setValue(model.settings().policy());
        policy.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.setPolicy(v);
            }
        });
        model.settingsProperty().addListener((obs, old, hp) -> policy.setValue(hp.policy()));
        ControlRow.add(grid, row++, HyperparameterField.nameOf(HyperparameterSpec.POLICY), policy, HyperparameterSpec.POLICY.meaning() + ";\n" + SWITCH_RULE,
                HyperparameterSpec.POLICY.appliesLive());

        HyperparameterRow logStd = new HyperparameterRow(HyperparameterField.INITIAL_LOG_STD, model);
        logStd.addTo(grid, row++);
        logStd.disableSlider(model.policyUses("init_log_std").not());
        return row;
    }
}
