package org.a2clab.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.a2clab.inspect.RecordedEpisode;

/**
 * The episode inspector: episode list on the left; the cart-pole, player and timeline in the
 * middle; the frame's numbers and the π/V heatmaps on the right. Keyboard: ←/→ step, space
 * play/pause, Home/End jump wherever focus is; Tab reaches every control, Enter presses the focused
 * button, ↑/↓ move a focused slider, and the Episode menu's keys record, push and export.
 * Binds to an {@link InspectorViewModel}; holds no state of its own.
 */
public final class InspectorView extends BorderPane {
    private final InspectorViewModel model;
    private final AnimationTimer pulse;
    private final EpisodePrompts prompts;

    /** The window's file choosers over this view. */
    public InspectorView(InspectorViewModel model) {
        this(model, null);
    }

    /** {@code prompts} answer the export questions (tests); null: file choosers over this view's window. */
    public InspectorView(InspectorViewModel model, EpisodePrompts prompts) {
        this.model = model;
        this.prompts = prompts != null ? prompts : new EpisodeFileChoosers(() -> getScene() == null ? null : getScene().getWindow());
        getStyleClass().add("inspector");
        setTop(toolbar());
        // Three panes whose dividers the user can drag; the side panel scrolls when short, so at
        // 1024 × 700 nothing is cut (numbers and heatmaps shrink or scroll instead).
        ScrollPane side = new ScrollPane(sidePanel());
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setMinWidth(300);
        side.setFocusTraversable(false); // Tab goes to the sliders inside, not to a frame without a focus ring
        Node list = episodeList();
        SplitPane panes = new SplitPane(list, player(), side);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(side, false);
        panes.setDividerPositions(0.2, 0.63);
        setCenter(panes);
        Label status = new Label();
        status.setId("inspectorStatus");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(2, 8, 2, 8));
        setBottom(status);
        addEventFilter(KeyEvent.KEY_PRESSED, this::handleFrameKey);
        addEventFilter(KeyEvent.KEY_PRESSED, InspectorView::enterPressesButtons);
        // The view-model is driven by pulses only while the view is in a window.
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.tick(now);
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    /**
     * ← → Home End Space step the player and are consumed, whatever has focus (list, slider,
     * canvas, or a tab header outside this view: the window forwards them while this view shows).
     */
    public void handleFrameKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case LEFT:
                model.stepBack();
                break;
            case RIGHT:
                model.stepForward();
                break;
            case SPACE:
                model.togglePlay();
                break;
            case HOME:
                model.jumpToStart();
                break;
            case END:
                model.jumpToEnd();
                break;
            default:
                return;
        }
        e.consume();
    }

    private List<EpisodeActions.Action> actions() {
        return EpisodeActions.of(model, this::exportCsv, this::exportFrames, this::exportGif);
    }

    /**
     * The Episode menu: every toolbar action with its keys, so the keyboard reaches them from any
     * tab; {@code reveal} shows this view first.
     */
    public Menu menu(Runnable reveal) {
        return EpisodeActions.menu(actions(), reveal);
    }

    /** Space is play/pause here, so Enter presses the focused button. */
    private static void enterPressesButtons(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof ButtonBase && !e.isShortcutDown() && !e.isAltDown()) {
            ButtonBase b = (ButtonBase) e.getTarget();
            if (!b.isDisabled()) {
                b.fire();
            }
            e.consume();
        }
    }

    private Node toolbar() {
        List<Button> b = new ArrayList<>();
        for (EpisodeActions.Action a : actions()) {
            b.add(a.button());
        }
        Label noNetwork = new Label("No network yet: press Train on the Training tab, or File → Open model…");
        noNetwork.setId("noNetworkHint");
        noNetwork.getStyleClass().add("hint");
        noNetwork.visibleProperty().bind(model.networkAvailableProperty().not());
        noNetwork.managedProperty().bind(noNetwork.visibleProperty());
        Slider impulse = new Slider(0.1, 2.0, model.impulseSizeProperty().get());
        impulse.setId("impulseSize");
        impulse.setPrefWidth(90);
        impulse.setTooltip(new Tooltip("Impulse size (↑/↓ when focused)"));
        impulse.valueProperty().bindBidirectional(model.impulseSizeProperty());
        Label impulseText = new Label();
        impulseText.textProperty().bind(Bindings.format("impulse %.1f", model.impulseSizeProperty()));
        impulseText.setMinWidth(Region.USE_PREF_SIZE);
        // Groups wrap onto a second row in narrow windows instead of hiding behind "»".
        FlowPane bar = new FlowPane(12, 4, group(b.get(0), b.get(1), b.get(2)), group(new Label("Push:"),
                b.get(3), b.get(4), b.get(5), b.get(6), impulseText, impulse), group(b.get(7), b.get(8), b.get(9)),
                noNetwork);
        bar.getStyleClass().add("inspector-toolbar");
        bar.setPadding(new Insets(4, 6, 4, 6));
        return bar;
    }

    private static HBox group(Node... nodes) {
        HBox box = new HBox(4, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Region) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    /** Focusable: Tab reaches it and Enter presses it (Space stays play/pause). */
    static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void exportCsv() {
        prompts.csvFile().ifPresent(file -> model.exports().exportCsv(file));
    }

    private void exportFrames() {
        prompts.framesFolder().ifPresent(dir -> model.exports().exportFrames(dir));
    }

    private void exportGif() {
        prompts.gifFile().ifPresent(file -> model.exports().exportGif(file));
    }

    private Node episodeList() {
        ListView<RecordedEpisode> list = new ListView<>(model.episodes());
        list.setId("episodes");
        list.setPrefWidth(210);
        list.setMinWidth(140);
        list.setCellFactory(v -> {
            ListCell<RecordedEpisode> cell = new ListCell<>() {
                @Override
                protected void updateItem(RecordedEpisode e, boolean empty) {
                    super.updateItem(e, empty);
                    setText(empty || e == null ? null : e.label());
                }
            };
            // full labels, wrapped to the list's width instead of cut or scrolled sideways
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(v.widthProperty().subtract(18));
            return cell;
        });
        // two-way between the list's selection and the view-model's selected episode
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                model.selectedEpisodeProperty().set(e);
            }
        });
        model.selectedEpisodeProperty().addListener((obs, old, e) -> {
            if (list.getSelectionModel().getSelectedItem() != e) {
                list.getSelectionModel().select(e);
            }
        });
        Label title = new Label("Episodes");
        title.setStyle("-fx-font-weight: bold");
        VBox box = new VBox(4, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private Node player() {
        CartPoleCanvas cartPole = new CartPoleCanvas(model);
        cartPole.setId("cartPole");
        Button start = button("jumpStart", "|◀", "First frame (Home)", model::jumpToStart);
        Button back = button("stepBack", "◀", "Previous frame (←)", model::stepBack);
        Button play = button("playPause", "Play", "Play / pause (space)", model::togglePlay);
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.setPrefWidth(64); // Play ↔ Pause keeps its width
        Button forward = button("stepForward", "▶", "Next frame (→)", model::stepForward);
        Button end = button("jumpEnd", "▶|", "Last frame (End)", model::jumpToEnd);

        Slider scrub = new Slider(0, 0, 0);
        scrub.setId("scrub");
        scrub.maxProperty().bind(model.lastFrameIndexProperty());
        scrub.setBlockIncrement(1);
        // follow the model, and seek when the user moves the thumb
        model.frameIndexProperty().addListener((obs, old, t) -> scrub.setValue(t.intValue()));
        scrub.valueProperty().addListener((obs, old, v) -> {
            if ((int) Math.round(v.doubleValue()) != model.frameIndexProperty().get()) {
                model.seek((int) Math.round(v.doubleValue()));
            }
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        Label position = new Label();
        position.setId("position");
        position.textProperty().bind(model.positionText());
        position.setMinWidth(70);

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(0.1, 0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((obs, old, v) -> model.speedProperty().set(v));
        model.speedProperty().addListener((obs, old, v) -> speed.setValue(v.doubleValue()));
        speed.setButtonCell(speedCell());
        speed.setCellFactory(v -> speedCell());

        for (Region r : new Region[] {start, back, play, forward, end, position, speed}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        speed.setPrefWidth(80);
        Label speedText = new Label("speed");
        speedText.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(4, start, back, play, forward, end, position, spacer, speedText, speed);
        controls.setAlignment(Pos.CENTER_LEFT);
        scrub.setMinWidth(60);
        TimelineCanvas timeline = new TimelineCanvas(model);
        timeline.setId("timeline");
        GaussianDensityPane density = new GaussianDensityPane(model);
        density.setId("gaussianDensity");
        density.setMinHeight(140);
        // a Gaussian frame's policy under its cart-pole, where the eye already is
        VBox box = new VBox(6, cartPole, density, scrub, controls, timeline);
        VBox.setVgrow(cartPole, Priority.ALWAYS);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static ListCell<Double> speedCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v + "×");
            }
        };
    }

    private Node sidePanel() {
        HeatmapPane policy = new HeatmapPane(model, HeatmapPane.Quantity.PROB_RIGHT);
        policy.setId("heatmapPolicy");
        HeatmapPane value = new HeatmapPane(model, HeatmapPane.Quantity.VALUE);
        value.setId("heatmapValue");
        HeatmapPane spread = new HeatmapPane(model, HeatmapPane.Quantity.STD);
        spread.setId("heatmapStd");
        policy.setMinHeight(150);
        value.setMinHeight(150);
        spread.setMinHeight(150);
        // σ(s) has a map of its own only for a Gaussian network (the policy map then shows μ(s))
        javafx.beans.binding.BooleanBinding gaussianMap = Bindings.createBooleanBinding(
                () -> model.heatmaps().heatmapProperty().get() != null && model.heatmaps().heatmapProperty().get().means() != null,
                model.heatmaps().heatmapProperty());
        spread.visibleProperty().bind(gaussianMap);
        spread.managedProperty().bind(gaussianMap);
        Slider x = slider("heatmapX", -2.4, 2.4, model.heatmaps().xProperty());
        Slider xDot = slider("heatmapXDot", -2.0, 2.0, model.heatmaps().xDotProperty());
        Label xText = new Label();
        xText.textProperty().bind(Bindings.format("x = %.2f m", model.heatmaps().xProperty()));
        Label xDotText = new Label();
        xDotText.textProperty().bind(Bindings.format("ẋ = %.2f m/s", model.heatmaps().xDotProperty()));
        Label title = new Label();
        title.textProperty().bind(Bindings.when(gaussianMap).then("μ, σ and V over (θ, dθ/dt) — ring: current frame")
                .otherwise("π and V over (θ, dθ/dt) — ring: current frame"));
        title.setStyle("-fx-font-weight: bold");
        title.setWrapText(true);
        xText.setMinWidth(Region.USE_PREF_SIZE);
        xDotText.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, new FramePanel(model), new Separator(), title, new HBox(6, xText, x),
                new HBox(6, xDotText, xDot), policy, spread, value);
        box.setPadding(new Insets(6));
        box.setPrefWidth(440);
        return box;
    }

    private static Slider slider(String id, double min, double max, DoubleProperty target) {
        Slider s = new Slider(min, max, target.get());
        s.setId(id);
        s.setTooltip(new Tooltip("↑/↓ when focused (← → step frames)"));
        s.valueProperty().bindBidirectional(target);
        HBox.setHgrow(s, Priority.ALWAYS);
        return s;
    }
}
