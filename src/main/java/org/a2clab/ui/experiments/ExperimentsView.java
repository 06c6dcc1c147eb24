package org.a2clab.ui.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunRecord;
import org.a2clab.export.BundleException;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.AtomicFiles;
import org.a2clab.train.Hyperparameters;
import org.a2clab.ui.export.PngImage;

/**
 * The Experiments tab: runs list with actions on the left, the overlay charts and their options
 * on the right, the comparison table below, and the experiment's progress on top.
 */
public final class ExperimentsView extends BorderPane {
    private final ExperimentsViewModel model;
    private final ExperimentPrompts prompts;
    private final Executor background;
    private final OverlayCharts charts;
    private final TableView<RunRow> runs;
    private final VBox chartBox;
    private final Supplier<Hyperparameters> base;

    /** {@code openModel}: opens a bundle folder in the Inspector (null: no such buttons). */
    public ExperimentsView(ExperimentsViewModel model, Supplier<Hyperparameters> base, ExperimentPrompts prompts,
            Executor background, Consumer<Path> openModel) {
        this.model = model;
        this.prompts = prompts;
        this.background = background;
        this.charts = new OverlayCharts(model, background);
        setId("experiments-view");

        this.base = base;
        Button start = button("New experiment…", "new-experiment", this::newExperiment);
        start.disableProperty().bind(model.runningProperty());
        Button cancel = button("Cancel experiment", "cancel-experiment", model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar overall = new ProgressBar();
        overall.setId("experiment-progress");
        overall.progressProperty().bind(model.overallProgressProperty());
        overall.visibleProperty().bind(model.runningProperty());
        overall.setPrefWidth(160);
        Button open = button("Runs folder…", "open-runs-folder", () -> prompts.chooseFolder(
                "Runs folder to show (a workspace or a sweep --out folder)", model.folderProperty().get()).ifPresent(model::open));
        open.setTooltip(new javafx.scene.control.Tooltip("Show the runs of another folder, e.g. a sweep --out folder. "
                + "The runs the app trains still go to its own runs folder"));
        Button png = button("Export PNG…", "export-png", this::exportPng);
        Button csv = button("Export CSV…", "export-csv", () -> prompts.saveFile("Comparison as CSV", "comparison.csv")
                .ifPresent(model::exportCsv));
        png.setTooltip(new javafx.scene.control.Tooltip("The charts as one PNG (with Profiles on, the profiles too)"));
        csv.setTooltip(new javafx.scene.control.Tooltip("The comparison table as CSV, P(better than baseline) included"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, start, cancel, overall, spacer, png, csv, open);
        toolbar.setId("experiments-toolbar");
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // buttons keep their whole text; nothing else in this row can take their width
        for (Button b : new Button[] {start, cancel, png, csv, open}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox top = new VBox(4, toolbar, folderLine(model), messageBar(model));
        top.setPadding(new Insets(6));
        setTop(top);

        FilteredList<RunRow> shown = new FilteredList<>(model.rows());
        runs = RunsTable.build(shown);
        TextField filter = RunFilter.field(shown);
        Button rename = button("Rename…", "rename-run", () -> selected().ifPresent(r -> prompts.rename(
                r.nameProperty().get()).ifPresent(n -> model.rename(r, n))));
        Button delete = button("Delete…", "delete-run", this::delete);
        Button all = button("Select all", "select-all-runs", () -> runs.getSelectionModel().selectAll());
        all.setTooltip(new javafx.scene.control.Tooltip("Select every run shown (shift-click or ctrl-click "
                + "select several), e.g. to delete them at once"));
        Button export = button("Export run as .zip…", "export-run", this::exportModel);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 4, rename, delete, export);
        if (openModel != null) {
            Button best = button("Open best", "open-best", () -> withModel(r -> openModel.accept(
                    java.nio.file.Files.isDirectory(r.bestModel()) ? r.bestModel() : r.finalModel())));
            Button last = button("Open final", "open-final", () -> withModel(r -> openModel.accept(r.finalModel())));
            best.setTooltip(new javafx.scene.control.Tooltip("Open the run's best-evaluated network in the Inspector"));
            last.setTooltip(new javafx.scene.control.Tooltip("Open the run's final network in the Inspector"));
            actions.getChildren().addAll(best, last);
        }
        actions.getChildren().forEach(n -> ((Button) n).disableProperty().bind(
                runs.getSelectionModel().selectedItemProperty().isNull()));
        actions.getChildren().add(0, all);
        actions.setPadding(new Insets(4, 0, 0, 0));
        VBox left = new VBox(4, filter, runs, actions);
        VBox.setVgrow(runs, Priority.ALWAYS);

        CheckBox group = new CheckBox("Group by settings");
        group.setId("group-by-settings");
        group.selectedProperty().bindBidirectional(model.overlay().groupBySettingsProperty());
        CheckBox seeds = new CheckBox("Per-seed lines");
        seeds.setId("seed-lines");
        seeds.selectedProperty().bindBidirectional(model.overlay().showSeedsProperty());
        seeds.disableProperty().bind(group.selectedProperty().not());
        ChoiceBox<Metric> metric = new ChoiceBox<>();
        metric.setId("overlay-metric");
        metric.getItems().setAll(Metric.ENTROPY, Metric.EXPLAINED_VARIANCE, Metric.VALUE_LOSS, Metric.LEARNING_RATE,
                Metric.GRAD_NORM);
        metric.valueProperty().bindBidirectional(model.overlay().metricProperty());
        metric.setTooltip(new javafx.scene.control.Tooltip("The metric of the second chart"));
        CheckBox profiles = new CheckBox("Profiles");
        profiles.setId("show-profiles");
        profiles.selectedProperty().bindBidirectional(model.overlay().showProfilesProperty());
        profiles.setTooltip(new javafx.scene.control.Tooltip("Performance profiles and IQM curves of the ticked "
                + "groups of seeds, below the overlay charts"));
        HBox options = new HBox(10, group, seeds, metric, profiles);
        options.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        options.setPadding(new Insets(0, 0, 4, 0));
        HBox overlayRow = new HBox(6, charts.returnsPlot(), charts.metricPane());
        HBox.setHgrow(charts.returnsPlot(), Priority.ALWAYS);
        HBox.setHgrow(charts.metricPane(), Priority.ALWAYS);
        charts.returnsPlot().setPrefWidth(400);
        charts.metricPane().setPrefWidth(400);
        HBox profilesRow = new HBox(6, charts.profilePlot(), charts.iqmPlot());
        profilesRow.setId("profiles-view");
        HBox.setHgrow(charts.profilePlot(), Priority.ALWAYS);
        HBox.setHgrow(charts.iqmPlot(), Priority.ALWAYS);
        charts.profilePlot().setPrefWidth(400);
        charts.iqmPlot().setPrefWidth(400);
        profilesRow.visibleProperty().bind(model.overlay().showProfilesProperty());
        profilesRow.managedProperty().bind(model.overlay().showProfilesProperty());
        chartBox = new VBox(6, overlayRow, profilesRow);
        VBox.setVgrow(overlayRow, Priority.ALWAYS);
        VBox.setVgrow(profilesRow, Priority.ALWAYS);
        VBox right = new VBox(options, chartBox);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        right.setMinWidth(0);

        SplitPane upper = new SplitPane(left, right);
        upper.setDividerPositions(0.42);
        TableView<?> table = ComparisonTable.build(model);
        SplitPane center = new SplitPane(upper, table);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.7);
        setCenter(center);
        setPadding(new Insets(0, 6, 6, 6));
    }

    /** Which folder is shown, and where the runs the app trains go (they differ after Runs folder…). */
    private static Label folderLine(ExperimentsViewModel model) {
        Label where = new Label();
        where.setId("runs-folder-label");
        where.getStyleClass().add("runs-folder");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            Path shown = model.folderProperty().get();
            Path home = model.home().folderProperty().get();
            if (shown == null) {
                return "";
            }
            return shown.equals(home) ? "Runs folder: " + shown + " — the runs the app trains go here"
                    : "Showing " + shown + " — the runs the app trains still go to " + home;
        }, model.folderProperty(), model.home().folderProperty()));
        return where;
    }

    /**
     * The latest message, wrapped in full on its own line (never squeezing the buttons), until the
     * user dismisses it or another replaces it.
     */
    private static HBox messageBar(ExperimentsViewModel model) {
        Label message = new Label();
        message.setId("experiments-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button dismiss = button("✕", "dismiss-message", () -> model.messageProperty().set(""));
        dismiss.setTooltip(new javafx.scene.control.Tooltip("Dismiss this message"));
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.getStyleClass().add("dismiss");
        HBox bar = new HBox(6, message, dismiss);
        bar.setId("experiments-message-bar");
        bar.getStyleClass().add("message-bar");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.visibleProperty().bind(model.messageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** Asks for an experiment over the current settings and starts it. */
    public void newExperiment() {
        if (!model.runningProperty().get()) {
            prompts.newExperiment(base.get()).ifPresent(model::start);
        }
    }

    /** Once per FX pulse: live progress, then the charts. */
    public void pulse(long now) {
        model.pulse(now);
        charts.pulse(now);
    }

    public long paints() {
        return charts.paints();
    }

    private java.util.Optional<RunRow> selected() {
        return java.util.Optional.ofNullable(runs.getSelectionModel().getSelectedItem());
    }

    /** Deletes the selected runs after one question. */
    private void delete() {
        List<RunRow> chosen = List.copyOf(runs.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty()) {
            return;
        }
        RunRow row = chosen.get(0);
        long training = chosen.stream().filter(model::isTraining).count();
        String question = chosen.size() > 1
                ? "Delete " + chosen.size() + " runs and their folders" + (training > 0 ? " (" + training
                        + " still training: stopped first)" : "") + "?"
                : training > 0 ? "\"" + row.nameProperty().get() + "\" is training. Stop it and delete its folder?"
                : "Delete \"" + row.nameProperty().get() + "\" and its folder " + row.record().dir() + "?";
        if (prompts.confirm(question)) {
            model.delete(chosen);
        }
    }

    /** Runs {@code action} on the selected run's record if it saved a model, else says why not. */
    private void withModel(Consumer<RunRecord> action) {
        selected().map(RunRow::record).ifPresent(r -> {
            if (r.hasModel()) {
                action.accept(r);
            } else {
                model.messageProperty().set("This run has no saved model yet: a sweep's runs keep their curves and "
                        + "result only; a Training-tab run saves its models at Stop, Retrain and exit.");
            }
        });
    }

    private void exportModel() {
        withModel(r -> {
            prompts.saveFile("Export the run's model as a zip", r.dir().getFileName() + ".zip").ifPresent(zip ->
                    background.execute(() -> {
                        String done;
                        try {
                            ModelBundle.zip(r.finalModel(), zip);
                            done = "Exported the model to " + zip;
                        } catch (BundleException | RuntimeException e) {
                            done = "Could not export: " + e.getMessage();
                        }
                        String text = done;
                        javafx.application.Platform.runLater(() -> model.messageProperty().set(text));
                    }));
        });
    }

    private void exportPng() {
        prompts.saveFile("Charts as PNG", "experiments.png").ifPresent(file -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            WritableImage image = chartBox.snapshot(p, null);
            background.execute(() -> {
                String done;
                try {
                    byte[] bytes = PngImage.encode(image);
                    AtomicFiles.write(file, temp -> java.nio.file.Files.write(temp, bytes));
                    done = "Saved the charts to " + file;
                } catch (java.io.IOException | RuntimeException e) {
                    done = "Could not save " + file + ": " + e.getMessage();
                }
                String text = done;
                javafx.application.Platform.runLater(() -> model.messageProperty().set(text));
            });
        });
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
