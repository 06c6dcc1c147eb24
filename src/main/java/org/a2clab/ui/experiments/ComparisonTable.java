package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.SeedReport;
import org.a2clab.experiment.SettingsText;
import org.a2clab.experiment.Versus;
import org.a2clab.stats.ProbabilityOfImprovement;

/**
 * The comparison table: one row per group of runs that differ only in the seed; first the
 * settings that differ between the groups (highlighted), then seeds, solved %, median env steps
 * to the target and IQM of the final mean-100 return with their 95% bootstrap intervals, the
 * median wall time, and against a chosen baseline row P(better than baseline) on both metrics
 * with its interval and the seeds that would narrow it to ±0.1. Every column sorts by its number,
 * not its text.
 */
final class ComparisonTable {
    /** A cell's text and the number it sorts by. */
    record Value(String text, double key) implements Comparable<Value> {
        @Override
        public int compareTo(Value o) {
            return Double.compare(key, o.key);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final String P_STEPS = "P(better than baseline): steps [95% CI]";
    private static final String P_RETURN = "P(better than baseline): return [95% CI]";
    private static final String SEEDS_NEEDED = "seeds for ±0.1 (steps / return)";
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");

    private ComparisonTable() {
    }

    static TableView<Comparison.Group> build(ExperimentsViewModel model) {
        TableView<Comparison.Group> table = new TableView<>(model.comparison());
        table.setId("comparison-table");
        table.setPlaceholder(new javafx.scene.control.Label("Tick runs to compare them here"));
        // a wide window spreads the columns over the whole width; a narrow one scrolls sideways
        // rather than squeezing a column below the width its header and numbers need
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        model.comparison().addListener((ListChangeListener<Comparison.Group>) c -> columns(table, model));
        columns(table, model);
        return table;
    }

    private static void columns(TableView<Comparison.Group> table, ExperimentsViewModel model) {
        List<String> keys = Comparison.differingKeys(model.comparison());
        List<TableColumn<Comparison.Group, ?>> cols = new ArrayList<>();
        TableColumn<Comparison.Group, Color> swatch = new TableColumn<>("");
        swatch.setCellValueFactory(c -> new SimpleObjectProperty<>(colour(model, c.getValue())));
        swatch.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Color colour, boolean empty) {
                super.updateItem(colour, empty);
                setGraphic(empty || colour == null ? null : new Rectangle(12, 12, colour));
            }
        });
        swatch.setPrefWidth(26);
        swatch.setMinWidth(26);
        swatch.setSortable(false);
        cols.add(swatch);
        for (String key : keys) {
            TableColumn<Comparison.Group, Value> col = column(SettingsText.symbol(key), g -> setting(g, key));
            col.getStyleClass().add("differing");
            cols.add(col);
        }
        if (keys.isEmpty()) {
            TableColumn<Comparison.Group, Value> same = column("settings", g -> new Value("same settings", 0));
            same.setPrefWidth(110);
            same.setMinWidth(110);
            cols.add(same);
        }
        cols.add(column("seeds", g -> new Value(g.finished() + "/" + g.runs().size(), g.finished())));
        cols.add(column("solved", g -> report(g, r -> new Value(String.format(Locale.ROOT, "%.0f%%",
                100 * r.solvedFraction()), r.solvedFraction()))));
        cols.add(column("median steps to target [95% CI]", g -> report(g, r -> new Value(
                Comparison.withInterval(r.medianStepsToTarget(), r.medianStepsCi(), 0), r.medianStepsToTarget()))));
        cols.add(column("IQM final return [95% CI]", g -> report(g, r -> new Value(
                Comparison.withInterval(r.iqmFinalReturn(), r.iqmFinalReturnCi(), 1), r.iqmFinalReturn()))));
        cols.add(column("median wall", g -> Double.isNaN(g.medianWallSeconds()) ? new Value("–", Double.NaN)
                : new Value(String.format(Locale.ROOT, "%.1f s", g.medianWallSeconds()), g.medianWallSeconds())));
        cols.add(baselineColumn(model));
        cols.add(probability(P_STEPS, Versus::faster, "fewer env steps to the target (an unsolved run counts as never)"));
        cols.add(probability(P_RETURN, Versus::higherReturn, "a higher final mean-100 return"));
        cols.add(column(SEEDS_NEEDED, g -> g.versus() == null ? new Value("–", Double.NaN)
                : new Value(seeds(g.versus().seedsFaster()) + " / " + seeds(g.versus().seedsHigherReturn()),
                        g.versus().seedsFaster().orElse(0))));
        if (!sameHeaders(table, cols)) {
            table.getColumns().setAll(cols);
        }
    }

    /** A radio button per row: the group every other row is compared with. */
    private static TableColumn<Comparison.Group, Comparison.Group> baselineColumn(ExperimentsViewModel model) {
        TableColumn<Comparison.Group, Comparison.Group> col = new TableColumn<>("baseline");
        col.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            private final RadioButton choice = new RadioButton();

            {
                choice.getStyleClass().add("baseline-choice");
                choice.setOnAction(e -> {
                    if (getItem() != null) {
                        model.chooseBaseline(getItem().key());
                    }
                });
                choice.setTooltip(new Tooltip("Compare every other row with this one"));
            }

            @Override
            protected void updateItem(Comparison.Group g, boolean empty) {
                super.updateItem(g, empty);
                if (empty || g == null) {
                    setGraphic(null);
                    return;
                }
                choice.setSelected(g.baseline());
                setGraphic(choice);
            }
        });
        col.setPrefWidth(70);
        col.setMinWidth(70);
        col.setSortable(false);
        return col;
    }

    /**
     * "0.83 [0.62, 0.97]" against the baseline, coloured only when the interval leaves out ½
     * (green: better, red: worse); the header and every cell explain the number in one sentence.
     */
    private static TableColumn<Comparison.Group, Value> probability(String title,
            Function<Versus, ProbabilityOfImprovement.Estimate> metric, String better) {
        String meaning = "The chance that a run of this row, drawn at random, has " + better
                + " than a random run of the baseline row (ties count ½, 0.5 = no difference), with its 95% bootstrap"
                + " interval; coloured only when the interval excludes 0.5.";
        TableColumn<Comparison.Group, Value> col = column(title, g -> {
            if (g.versus() == null) {
                return new Value(g.baseline() ? "baseline" : "–", Double.NaN);
            }
            ProbabilityOfImprovement.Estimate e = metric.apply(g.versus());
            return new Value(Comparison.probability(e), e.p());
        });
        Label help = new Label("(?)");
        help.setTooltip(new Tooltip(meaning));
        col.setGraphic(help);
        col.getStyleClass().add("probability");
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Value v, boolean empty) {
                super.updateItem(v, empty);
                int i = getIndex();
                Comparison.Group g = empty || i < 0 || i >= getTableView().getItems().size() ? null
                        : getTableView().getItems().get(i);
                ProbabilityOfImprovement.Estimate e = g == null || g.versus() == null ? null : metric.apply(g.versus());
                setText(empty || v == null ? null : v.text());
                setTooltip(e == null ? null : new Tooltip(meaning));
                pseudoClassStateChanged(BETTER, e != null && e.ci95().low() > 0.5);
                pseudoClassStateChanged(WORSE, e != null && e.ci95().high() < 0.5);
            }
        });
        return col;
    }

    private static String seeds(OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : "–";
    }

    private static boolean sameHeaders(TableView<Comparison.Group> table, List<TableColumn<Comparison.Group, ?>> cols) {
        if (table.getColumns().size() != cols.size()) {
            return false;
        }
        for (int i = 0; i < cols.size(); i++) {
            if (!table.getColumns().get(i).getText().equals(cols.get(i).getText())) {
                return false;
            }
        }
        return true;
    }

    private static Value setting(Comparison.Group g, String key) {
        Map<String, String> v = SettingsText.values(g.settings());
        String text = v.get(key);
        double sort;
        try {
            sort = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            sort = text.hashCode();
        }
        return new Value(text, sort);
    }

    private static Value report(Comparison.Group g, Function<SeedReport, Value> f) {
        return g.report() == null ? new Value("–", Double.NaN) : f.apply(g.report());
    }

    private static TableColumn<Comparison.Group, Value> column(String title, Function<Comparison.Group, Value> f) {
        TableColumn<Comparison.Group, Value> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleObjectProperty<>(f.apply(c.getValue())));
        // wide enough for the header's text, so a narrow window scrolls rather than cutting it
        col.setPrefWidth(title.length() > 12 ? 200 : Math.max(80, 8 * title.length() + 16));
        col.setMinWidth(col.getPrefWidth());
        return col;
    }

    private static Color colour(ExperimentsViewModel model, Comparison.Group g) {
        String id = g.runs().get(0).id();
        return model.rows().stream().filter(r -> r.id().equals(id)).map(RunRow::colour).findFirst().orElse(Color.GREY);
    }
}
