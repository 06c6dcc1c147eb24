package org.a2clab.ui;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.a2clab.agent.ActorCritic;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.ui.export.ChartSnapshots;
import org.a2clab.ui.export.FileChooserPrompts;
import org.a2clab.ui.export.ModelFilesViewModel;
import org.a2clab.ui.export.ModelMenu;
import org.a2clab.ui.export.ModelPrompts;
import org.a2clab.ui.inspector.CartPoleFrames;
import org.a2clab.ui.inspector.EpisodePrompts;
import org.a2clab.ui.inspector.InspectorView;
import org.a2clab.ui.inspector.InspectorViewModel;
import org.a2clab.ui.inspector.NetworkJobs;
import org.a2clab.experiment.Workspace;
import org.a2clab.ui.charts.ChartsView;
import org.a2clab.ui.experiments.AppRunRecorder;
import org.a2clab.ui.experiments.DialogPrompts;
import org.a2clab.ui.experiments.ExperimentPrompts;
import org.a2clab.ui.experiments.ExperimentsView;
import org.a2clab.ui.experiments.ExperimentsViewModel;
import org.a2clab.ui.charts.MetricsHistory;
import org.a2clab.ui.hyperparams.HyperparametersPanel;
import org.a2clab.ui.hyperparams.HyperparametersViewModel;
import org.a2clab.ui.render.CartPoleView;
import org.a2clab.ui.render.FramePlayer;
import org.a2clab.ui.status.StatusBarView;
import org.a2clab.ui.status.StatusViewModel;
import org.a2clab.ui.training.SessionFactory;
import org.a2clab.ui.training.StopWhenSolved;
import org.a2clab.ui.training.TrainingControls;
import org.a2clab.ui.training.TrainingService;
import org.a2clab.ui.training.TrainingViewModel;

/**
 * Wires view-models and views into the window: File menu (Open/Export model, Evaluate, New
 * experiment…, Quit), a TabPane with the Training, Inspector and Experiments tabs, and the status bar. Other features plug in through {@link #addTab(Tab)} (e.g. the Inspector)
 * and {@link #fileMenu()} (e.g. Export…, Open model…, added above Quit).
 */
public final class MainWindow {
    private final HyperparametersViewModel hyperparameters = new HyperparametersViewModel();
    private final TrainingViewModel training;
    private final MetricsHistory metrics = new MetricsHistory();
    private final FramePlayer player = new FramePlayer();
    private final StatusViewModel status = new StatusViewModel();
    private final PulseLoop pulseLoop = new PulseLoop();
    private final Menu fileMenu = new Menu("_File");
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    /** The one control thread that starts and stops sessions, in order; the training service's executor. */
    private final ExecutorService sessionControl = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "session-control");
        t.setDaemon(true);
        return t;
    });
    private final TrainingService trainingService = new TrainingService(sessionControl);
    private final CartPoleView cartPole;
    private final TrainingControls controls;
    private final StopWhenSolved solvedStop;
    private final ChartsView charts;
    private final InspectorViewModel inspector;
    private final ModelFilesViewModel modelFiles;
    private final ModelMenu modelMenu;
    private final ExecutorService experimentsIo;
    private final ExperimentsViewModel experiments;
    private final ExperimentsView experimentsView;
    /** A Training-tab run's curves are written this often while it trains: a killed app loses at most this. */
    static final java.time.Duration RUN_CHECKPOINT_EVERY = java.time.Duration.ofSeconds(25);

    public MainWindow(SessionFactory sessions, Executor background) {
        this(sessions, background, null);
    }

    /**
     * @param background a single thread for disk work and image encoding (sessions start and stop
     *                   on the window's own session-control thread)
     * @param prompts answer Export/Open (tests); null: file choosers over this window
     */
    public MainWindow(SessionFactory sessions, Executor background, ModelPrompts prompts) {
        this(sessions, background, prompts, null, defaultRunsFolder());
    }

    /**
     * As above; {@code experimentPrompts} answer the Experiments tab's questions (tests; null:
     * dialogs), and {@code runsFolder} is the workspace its runs are kept in.
     */
    public MainWindow(SessionFactory sessions, Executor background, ModelPrompts prompts,
            ExperimentPrompts experimentPrompts, Path runsFolder) {
        this(sessions, background, prompts, experimentPrompts, runsFolder, null);
    }

    /** As above; {@code episodePrompts} answer the Inspector's export questions (tests; null: file choosers). */
    public MainWindow(SessionFactory sessions, Executor background, ModelPrompts prompts,
            ExperimentPrompts experimentPrompts, Path runsFolder, EpisodePrompts episodePrompts) {
        training = new TrainingViewModel(hyperparameters.settingsProperty(), sessions, trainingService);
        hyperparameters.appliedProperty().bind(training.appliedProperty());
        training.addObserver(metrics);
        training.addObserver(player);
        // Pause and Stop freeze the cart-pole at once; a run starting or resuming plays again.
        training.stateProperty().addListener((obs, was, now) -> {
            if (now == SessionState.RUNNING || now == SessionState.STARTING) {
                player.release();
            } else if (was == SessionState.RUNNING) {
                player.hold();
            }
        });
        training.addObserver(status);

        solvedStop = new StopWhenSolved(training);
        controls = new TrainingControls(training, solvedStop, hyperparameters::defaults);
        cartPole = new CartPoleView(player);
        cartPole.idleMessageProperty().bind(training.stateProperty().map(MainWindow::idleMessage));
        OpenedModelDemo demo = new OpenedModelDemo(training, player, Platform::runLater);
        cartPole.sourceProperty().bind(demo.showingProperty().map(d -> d ? "opened model, greedy episode" : "worker 0"));
        charts = new ChartsView(metrics);
        Tab trainingTab = new Tab("Training", TrainingWorkspace.build(controls,
                new HyperparametersPanel(hyperparameters), cartPole, charts));
        trainingTab.setClosable(false);
        trainingTab.setId("training-tab");
        tabs.getTabs().add(trainingTab);

        // The inspector's jobs run on the current session's training thread; after a retrain or
        // an opened model they follow the new session. Exported frames are encoded on the background
        // thread, like the model export's files, one small batch per task.
        inspector = new InspectorViewModel(new NetworkJobs() {
            @Override
            public <T> CompletableFuture<T> submit(Function<ActorCritic, T> job) {
                if (!training.hasNetworkProperty().get()) {
                    return CompletableFuture.failedFuture(
                            new IllegalStateException("no model yet: press Train or open a model"));
                }
                return training.currentRun().submit(view -> job.apply(view.network()));
            }
        }, this::inspectedHyperparameters, new CartPoleFrames(), background);
        training.addObserver(new InspectorFeed(inspector));
        inspector.networkAvailableProperty().bind(training.hasNetworkProperty());
        InspectorView inspectorView = new InspectorView(inspector, episodePrompts);
        Tab inspectorTab = new Tab("Inspector", inspectorView);
        inspectorTab.setClosable(false);
        inspectorTab.setId("inspector-tab");
        tabs.getTabs().add(inspectorTab);

        modelFiles = new ModelFilesViewModel(training, hyperparameters, new ChartSnapshots()
                .add("chart-episode-return.png", charts.returnPlot())
                .add("charts-training.png", charts.detailPlots()), background, Platform::runLater);
        modelMenu = new ModelMenu(modelFiles, prompts != null ? prompts
                : new FileChooserPrompts(() -> root.getScene().getWindow()));
        fileMenu.getItems().addAll(modelMenu.items());
        // "Model exported" or "Could not open …" is stale once the user does something else
        training.stateProperty().addListener((obs, old, s) -> modelFiles.clearOutcome());

        experimentsIo = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "experiments-io");
            t.setDaemon(true);
            return t;
        });
        experiments = new ExperimentsViewModel(experimentsIo, Platform::runLater);
        ExperimentPrompts asked = experimentPrompts != null ? experimentPrompts
                : new DialogPrompts(() -> root.getScene().getWindow());
        experimentsView = new ExperimentsView(experiments, hyperparameters::settings, asked, experimentsIo, path -> {
            modelFiles.open(path, asked::confirm);
            tabs.getSelectionModel().select(inspectorTab);
        });
        Tab experimentsTab = new Tab("Experiments", experimentsView);
        experimentsTab.setClosable(false);
        experimentsTab.setId("experiments-tab");
        tabs.getTabs().add(experimentsTab);
        experiments.open(runsFolder);
        // every run of the Training tab is kept in the workspace too
        // and its final and best models: at each Stop, and before an ended run's session stops
        AppRunRecorder appRuns = new AppRunRecorder(experiments, training.deviceProperty()::get,
                training.currentRun(), experimentsIo, Platform::runLater, RUN_CHECKPOINT_EVERY);
        training.addObserver(appRuns);
        // the status bar, the runs list and run.json show the run's state from this one property
        training.runStateProperty().addListener((obs, was, s) -> appRuns.stateChanged(s,
                training.failureProperty().get() == null ? null : training.failureProperty().get().message()));
        trainingService.beforeStoppingReplaced(appRuns::beforeStop);
        trainingService.stateProperty().addListener((obs, was, now) -> {
            if (now == javafx.concurrent.Worker.State.SUCCEEDED || now == javafx.concurrent.Worker.State.FAILED) {
                appRuns.stretchEnded();
            }
        });
        MenuItem newExperiment = new MenuItem("New experiment…");
        newExperiment.setId("new-experiment-item");
        newExperiment.setOnAction(e -> {
            tabs.getSelectionModel().select(experimentsTab);
            experimentsView.newExperiment();
        });
        newExperiment.disableProperty().bind(experiments.runningProperty());
        fileMenu.getItems().addAll(new SeparatorMenuItem(), newExperiment);

        MenuItem quit = new MenuItem("Quit");
        quit.setId("quit-item");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        fileMenu.getItems().addAll(new SeparatorMenuItem(), quit);
        fileMenu.setId("file-menu");

        MenuBar menuBar = new MenuBar(fileMenu, inspectorView.menu(() -> tabs.getSelectionModel().select(inspectorTab)));
        HBox.setHgrow(menuBar, Priority.ALWAYS);
        HBox top = new HBox(menuBar, modelMenu.progress());
        top.getStyleClass().add("top-bar");
        root.setTop(top);
        // Frame keys belong to the Inspector while it shows, even when the tab header has focus
        // (the TabPane would otherwise switch tabs on ← →).
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (tabs.getSelectionModel().getSelectedItem() == inspectorTab) {
                inspectorView.handleFrameKey(e);
            }
        });
        root.setCenter(tabs);
        root.setBottom(new StatusBarView(status, training.deviceProperty(), training.runStateProperty(),
                trainingService));
        root.getStylesheets().add(MainWindow.class.getResource("a2c-lab.css").toExternalForm());

        pulseLoop.add(training::pulse);
        pulseLoop.add(cartPole::pulse);
        pulseLoop.add(charts::pulse);
        pulseLoop.add(experimentsView::pulse);
        if (PerformanceLog.enabled()) {
            pulseLoop.add(new PerformanceLog(pulseLoop, cartPole::paints,
                    () -> charts.paintCount() + experimentsView.paints(), status, System.err)::pulse);
        }
    }

    public Parent root() {
        return root;
    }

    /** Starts pulling training results once per pulse; call once the window is shown. */
    public void start() {
        FailureAlerts.install(training.failureProperty(), root.getScene().getWindow());
        modelMenu.showNotices(root.getScene().getWindow());
        pulseLoop.start();
    }

    /** Puts the keyboard on the Train button, where Tab order starts (the left panel). */
    public void focusFirstControl() {
        controls.primaryButton().requestFocus();
    }

    /** Stops the pulse loop and the training session (waits for its thread). */
    public void shutdown() {
        pulseLoop.stop();
        // the current run ends: its models are saved while its session still holds the network
        training.shutdown();
        // the control thread may still be saving the models of a run a quick Retrain replaced
        // before it stops that session: its thread is a daemon, so the app would exit mid-save
        sessionControl.shutdown();
        try {
            sessionControl.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            // runs still training are kept as stopped, with the curves they have so far
            experiments.shutdown(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        experimentsIo.shutdown();
        try {
            experimentsIo.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The runs workspace: {@code -Da2clab.workspace=DIR}, else {@code ~/.a2c-lab/runs}. */
    static Path defaultRunsFolder() {
        String set = System.getProperty("a2clab.workspace");
        return set != null && !set.isBlank() ? Path.of(set) : Workspace.defaultFolder(Path.of(System.getProperty("user.home")));
    }

    public ExperimentsViewModel experimentsModel() {
        return experiments;
    }

    /** Adds a feature tab after the existing ones. */
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    /** The File menu; features insert their items before its last separator and Quit. */
    public Menu fileMenu() {
        return fileMenu;
    }

    public TrainingViewModel trainingModel() {
        return training;
    }

    /** Training as a JavaFX {@code Service}: one task per stretch of training, on the session-control thread. */
    public TrainingService trainingService() {
        return trainingService;
    }

    public HyperparametersViewModel hyperparametersModel() {
        return hyperparameters;
    }

    public MetricsHistory metrics() {
        return metrics;
    }

    public FramePlayer framePlayer() {
        return player;
    }

    public CartPoleView cartPoleView() {
        return cartPole;
    }

    public ChartsView charts() {
        return charts;
    }

    public InspectorViewModel inspectorModel() {
        return inspector;
    }

    public ModelFilesViewModel modelFiles() {
        return modelFiles;
    }

    /** What the cart-pole canvas says before the run's first frame. */
    private static String idleMessage(SessionState s) {
        switch (s) {
            case NEW:
                return "press Train to watch the agent learn";
            case PAUSED:
                return "paused before its first steps: press Resume to watch it train, "
                        + "or record an episode in the Inspector";
            case STOPPED:
                return "stopped";
            default:
                return "waiting for the first steps…";
        }
    }

    /** The running session's n and γ for recordings; the edited settings before the first run. */
    private Hyperparameters inspectedHyperparameters() {
        Hyperparameters applied = training.appliedProperty().get();
        return applied != null ? applied : hyperparameters.settings();
    }

    /** Pulses run so far: tests watch a state over many of them rather than over milliseconds. */
    long pulses() {
        return pulseLoop.pulses();
    }

    public StatusViewModel status() {
        return status;
    }
}
