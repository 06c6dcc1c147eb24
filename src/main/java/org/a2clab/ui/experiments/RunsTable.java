package org.a2clab.ui.experiments;

import java.util.List;
import java.util.Locale;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SelectionMode;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;

/**
 * The runs list: overlay checkbox (its header ticks every run shown), colour swatch and name,
 * state with a progress bar while training, steps, result. Several rows select at once
 * (shift-click, ctrl-click, Select all); the filter field narrows what it shows.
 */
final class RunsTable {
    private RunsTable() {
    }

    static TableView<RunRow> build(FilteredList<RunRow> shown) {
        SortedList<RunRow> sorted = new SortedList<>(shown);
        TableView<RunRow> table = new TableView<>(sorted);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setId("runs-table");
        table.setEditable(true);
        table.setPlaceholder(new javafx.scene.control.Label("No runs yet: New experiment… or Train"));

        TableColumn<RunRow, Boolean> overlay = new TableColumn<>("✓");
        overlay.setCellValueFactory(c -> c.getValue().overlayProperty());
        overlay.setCellFactory(CheckBoxTableCell.forTableColumn(overlay));
        overlay.setEditable(true);
        overlay.setPrefWidth(30);
        overlay.setSortable(false);
        CheckBox tickAll = new CheckBox();
        tickAll.setId("tick-all-runs");
        tickAll.setTooltip(new javafx.scene.control.Tooltip("Tick (or untick) every run shown for the charts"));
        tickAll.setOnAction(e -> List.copyOf(table.getItems()).forEach(r -> r.overlayProperty().set(tickAll.isSelected())));
        overlay.setGraphic(tickAll);
        overlay.setText("");

        TableColumn<RunRow, RunRow> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    textProperty().unbind();
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic(new Rectangle(12, 12, row.colour()));
                textProperty().bind(row.nameProperty());
            }
        });
        name.setComparator((a, b) -> a.nameProperty().get().compareToIgnoreCase(b.nameProperty().get()));
        name.setPrefWidth(250);

        TableColumn<RunRow, RunRow> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        state.setCellFactory(c -> new StateCell());
        state.setComparator((a, b) -> a.stateTextProperty().get().compareTo(b.stateTextProperty().get()));
        state.setPrefWidth(110);

        TableColumn<RunRow, Number> steps = new TableColumn<>("Steps");
        steps.setCellValueFactory(c -> c.getValue().stepsProperty());
        steps.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : String.format(Locale.ROOT, "%,d", n.longValue()));
            }
        });
        steps.setPrefWidth(80);

        TableColumn<RunRow, String> result = new TableColumn<>("Result");
        result.setCellValueFactory(c -> c.getValue().resultProperty());
        result.setPrefWidth(230);
        table.getColumns().setAll(List.of(overlay, name, state, steps, result));
        return table;
    }

    /** The state as text, and a progress bar beside it while the run trains. */
    private static final class StateCell extends TableCell<RunRow, RunRow> {
        private final ProgressBar bar = new ProgressBar();
        private final javafx.scene.control.Label text = new javafx.scene.control.Label();
        private final HBox box = new HBox(4, text, bar);

        StateCell() {
            bar.setPrefWidth(50);
            bar.getStyleClass().add("run-progress");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            text.textProperty().unbind();
            bar.progressProperty().unbind();
            bar.visibleProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            text.textProperty().bind(row.stateTextProperty());
            bar.progressProperty().bind(row.progressProperty());
            bar.visibleProperty().bind(row.progressProperty().greaterThanOrEqualTo(0));
            bar.managedProperty().bind(bar.visibleProperty());
            setGraphic(box);
        }
    }
}
