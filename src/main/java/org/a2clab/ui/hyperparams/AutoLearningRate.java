package org.a2clab.ui.hyperparams;

import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.BatchScaledLearningRate;

/**
 * The "auto" mark beside α: selected while α follows workers × n. A toggle, so the keyboard (Tab,
 * Space) reaches it; moving α by hand clears it, Defaults sets it again.
 */
final class AutoLearningRate {
    private AutoLearningRate() {
    }

    static ToggleButton toggle(HyperparametersViewModel model) {
        ToggleButton auto = new ToggleButton("auto");
        auto.setId("learning-rate-auto");
        auto.getStyleClass().add("hp-auto");
        auto.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        StringBuilder rules = new StringBuilder();
        for (PolicyKind policy : PolicyKind.values()) {
            BatchScaledLearningRate rule = BatchScaledLearningRate.forPolicy(policy);
            rules.append("\n").append(policy.label())
                    .append(": α = ").append(BatchScaledLearningRate.plain(rule.baseLr())).append(" · (B/")
                    .append(rule.baseBatch()).append(")^").append(BatchScaledLearningRate.plain(rule.exponent()))
                    .append(", at most ").append(BatchScaledLearningRate.plain(rule.maxLr()));
        }
        Tooltip tip = new Tooltip("auto: α follows the batch B = workers × n" + rules
                + "\nMoving α sets it by hand; Defaults or this toggle turn auto back on.");
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        auto.setTooltip(tip);
        BooleanBinding on = model.learningRateAuto();
        auto.setSelected(on.get());
        // the toggle's own selection is its edit; the model's value is shown back
        auto.setOnAction(e -> model.setLearningRateAuto(auto.isSelected()));
        on.addListener((obs, was, is) -> auto.setSelected(is));
        // the bindings live as long as the toggle: held in its properties
        auto.getProperties().put(AutoLearningRate.class, new Object[] {on});
        return auto;
    }
}
