package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.SeedReport;
import org.a2clab.experiment.SettingsText;

/**
 * The comparison table: one row per group of runs that differ only in the seed; first the
 * settings that differ between the groups (highlighted), then seeds, solved %, median env steps
 * to the target and IQM of the final mean-100 return with their 95% bootstrap intervals, and the
 * median wall time. Every column sorts by its number, not its text.
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

    private ComparisonTable() {
    }

    static TableView<Comparison.Group> build(ExperimentsViewModel model) {
        TableView<Comparison.Group> table = new TableView<>(model.comparison());
        table.setId("comparison-table");
        table.setPlaceholder(new javafx.scene.control.Label("Tick runs to compare them here"));
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
        swatch.setSortable(false);
        cols.add(swatch);
        for (String key : keys) {
            TableColumn<Comparison.Group, Value> col = column(SettingsText.symbol(key), g -> setting(g, key));
            col.getStyleClass().add("differing");
            cols.add(col);
        }
        if (keys.isEmpty()) {
            cols.add(column("settings", g -> new Value("same settings", 0)));
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
        if (!sameHeaders(table, cols)) {
            table.getColumns().setAll(cols);
        }
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
        col.setPrefWidth(title.length() > 12 ? 200 : 80);
        return col;
    }

    private static Color colour(ExperimentsViewModel model, Comparison.Group g) {
        String id = g.runs().get(0).id();
        return model.rows().stream().filter(r -> r.id().equals(id)).map(RunRow::colour).findFirst().orElse(Color.GREY);
    }
}
