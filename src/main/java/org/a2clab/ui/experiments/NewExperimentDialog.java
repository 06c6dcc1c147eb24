package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.StopRule;
import org.a2clab.ui.hyperparams.HyperparameterField;

/**
 * New experiment…: the current sliders as the base, at most one hyperparameter varied over a list
 * of values, the seeds, the budget and stop rule, and how many runs train at once (the cores).
 * OK stays on the dialog with the problem shown until every field reads.
 */
final class NewExperimentDialog extends Dialog<ExperimentPlan> {
    private final ChoiceBox<HyperparameterSpec> vary = new ChoiceBox<>();
    private final TextField values = new TextField();
    private final TextField seeds = new TextField("5");
    private final TextField budget = new TextField("200000");
    private final TextField target = new TextField(String.valueOf((int) StopRule.SOLVED_RETURN));
    private final TextField evalEvery = new TextField(String.valueOf(BestCheckpoint.DEFAULT_EVERY));
    private final Spinner<Integer> parallel;
    private final Label problem = new Label();
    private ExperimentPlan plan;

    NewExperimentDialog(Hyperparameters base, int cores) {
        setTitle("New experiment");
        setHeaderText("Base: the current sliders. Vary one setting, or none to repeat them over seeds.");
        parallel = new Spinner<>(1, 64, Math.max(1, cores));
        List<HyperparameterSpec> specs = new ArrayList<>();
        specs.add(null);
        specs.addAll(List.of(HyperparameterSpec.values()));
        vary.getItems().setAll(specs);
        vary.setConverter(new StringConverter<>() {
            @Override
            public String toString(HyperparameterSpec s) {
                return s == null ? "none (seeds only)" : HyperparameterField.nameOf(s);
            }

            @Override
            public HyperparameterSpec fromString(String s) {
                return null;
            }
        });
        vary.setValue(null);
        // the sliders' names in the list; the CLI's (sweep --vary) in the tooltip
        Tooltip varyTip = new Tooltip();
        varyTip.textProperty().bind(vary.valueProperty().map(s -> HyperparameterField.nameOf(s) + ": "
                + s.meaning() + "\nCLI: sweep --vary " + s.option().substring(2) + "=V1,V2,…").orElse("Repeat the current settings over seeds only"));
        vary.setTooltip(varyTip);
        values.setPromptText("e.g. 1e-3, 3e-3, 1e-2");
        values.disableProperty().bind(vary.valueProperty().isNull());
        seeds.setPromptText("a count (5) or a list (1, 2, 7)");
        vary.setId("experiment-vary");
        values.setId("experiment-values");
        seeds.setId("experiment-seeds");
        budget.setId("experiment-budget");
        problem.setId("experiment-problem");
        problem.setStyle("-fx-text-fill: #c62828;");
        problem.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Vary"), vary);
        grid.addRow(row++, new Label("Values"), values);
        grid.addRow(row++, new Label("Seeds"), seeds);
        grid.addRow(row++, new Label("Budget (env steps per run)"), budget);
        grid.addRow(row++, new Label("Stop when mean-100 ≥"), target);
        grid.addRow(row++, new Label("Greedy evaluation every (env steps, 0: none)"), evalEvery);
        grid.addRow(row++, new Label("Runs at once"), parallel);
        grid.add(problem, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Start");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                plan = read(base);
            } catch (IllegalArgumentException bad) {
                problem.setText(bad.getMessage());
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? plan : null);
    }

    private ExperimentPlan read(Hyperparameters base) {
        HyperparameterSpec spec = vary.getValue();
        List<Double> vs = spec == null ? List.of() : values(spec, values.getText());
        long[] s = ExperimentPlan.parseSeeds(seeds.getText(), base.seed());
        long steps = integer("budget", budget.getText());
        double t;
        try {
            t = Double.parseDouble(target.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stop when mean-100 ≥: '" + target.getText() + "' is not a number");
        }
        StopRule rule = new StopRule(steps, t);
        return new ExperimentPlan(base, spec, vs, s, rule, integer("evaluation every", evalEvery.getText()),
                BestCheckpoint.DEFAULT_EPISODES, parallel.getValue());
    }

    /** The values, or why not in the sliders' words ("learning rate α: …", where the CLI says "lr: …"). */
    private static List<Double> values(HyperparameterSpec spec, String text) {
        try {
            return ExperimentPlan.parseValues(spec, text);
        } catch (IllegalArgumentException e) {
            String cli = spec.option().substring(2) + ":";
            String why = e.getMessage() == null ? "" : e.getMessage();
            throw new IllegalArgumentException(why.startsWith(cli)
                    ? HyperparameterField.nameOf(spec) + why.substring(cli.length() - 1) : why, e);
        }
    }

    private static long integer(String what, String text) {
        try {
            return Long.parseLong(text.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a whole number of env steps");
        }
    }
}
