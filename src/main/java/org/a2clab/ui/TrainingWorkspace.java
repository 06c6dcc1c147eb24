package org.a2clab.ui;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.a2clab.ui.charts.ChartsView;
import org.a2clab.ui.hyperparams.HyperparametersPanel;
import org.a2clab.ui.render.CartPoleView;
import org.a2clab.ui.training.TrainingControls;

/**
 * The "Training" tab's layout: controls and hyperparameters on the left; the cart-pole and the
 * episode-return plot on top; the other plots in a grid below. Layout only, no behaviour.
 */
final class TrainingWorkspace {
    private TrainingWorkspace() {
    }

    static Node build(TrainingControls controls, HyperparametersPanel hyperparameters, CartPoleView cartPole, ChartsView charts) {
        VBox side = new VBox(12, controls, hyperparameters);
        side.getStyleClass().add("side-panel");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // always there, so a note or badge that makes the settings taller never narrows the sliders
        sideScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        // the banner stays in sight below the scrolling settings, whatever the window's height
        BorderPane sideColumn = new BorderPane(sideScroll);
        javafx.scene.control.Label banner = hyperparameters.retrainBanner();
        BorderPane.setMargin(banner, new javafx.geometry.Insets(6, 8, 6, 8));
        banner.setMaxWidth(Double.MAX_VALUE);
        sideColumn.setBottom(banner);
        sideColumn.getStyleClass().add("side-column");
        sideColumn.setMinWidth(385);
        sideColumn.setPrefWidth(400);

        // Hiding the settings gives the plots the whole width of a small (1024 px) screen.
        ToggleButton hide = new ToggleButton("◀ Settings");
        hide.setId("side-panel-toggle");
        hide.setTooltip(new Tooltip("Hide or show the training controls and hyperparameters"));
        hide.textProperty().bind(hide.selectedProperty().map(hidden -> hidden ? "Settings ▶" : "◀ Settings"));
        sideColumn.visibleProperty().bind(hide.selectedProperty().not());
        sideColumn.managedProperty().bind(sideColumn.visibleProperty());
        hide.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(12, hide, cartPole.speedChoice(), spacer, charts.windowChoice());
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("plot-toolbar");

        SplitPane top = new SplitPane(cartPole, charts.returnPlot());
        top.setDividerPositions(0.5);
        SplitPane stack = new SplitPane(top, charts.detailPlots());
        stack.setOrientation(Orientation.VERTICAL);
        stack.setDividerPositions(0.36);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox center = new VBox(6, toolbar, stack);
        center.getStyleClass().add("plot-area");

        // Left first in the scene graph, so Tab starts at the training controls.
        BorderPane layout = new BorderPane();
        layout.setLeft(sideColumn);
        layout.setCenter(center);
        return layout;
    }
}
