package org.a2clab.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.a2clab.experiment.ExperimentPlan;
import org.a2clab.train.StopRule;
import org.a2clab.ui.training.SessionHandle;

/**
 * Run by hand under Xvfb with {@code -Da2clab.perf=true} (see the README's Experiments section):
 * the real window at 1024 × 700 on the workspace in args[0], the Experiments tab showing, an
 * experiment of two seeds of the current settings training beside the runs already there, for
 * args[1] seconds; then it saves a picture of the window to args[2] (if given) and closes the
 * window mid-experiment, as a user would.
 */
public final class ExperimentsProbe {
    private static String[] params;

    private ExperimentsProbe() {
    }

    /** A main class that is no Application, as JavaFX on the class path needs. */
    public static void main(String[] args) {
        params = args;
        Application.launch(Window.class);
    }

    /** The window under measurement. */
    public static final class Window extends Application {
    private final long born = System.nanoTime();
    private ExecutorService background;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        window = new MainWindow(SessionHandle.factory(), background, null, null, Path.of(params[0]));
        stage.setScene(new Scene(window.root(), 1024, 700));
        stage.show();
        window.start();
        watchGaps();
        ((TabPane) window.root().lookup(".tab-pane")).getSelectionModel().select(2);
        window.experimentsModel().overlay().groupBySettingsProperty().set(params.length > 3);
        long seconds = Long.parseLong(params[1]);
        Thread t = new Thread(() -> {
            try {
                // let the scan of the workspace finish before the experiment starts
                Thread.sleep(3000);
                // α 1e-5 does not solve within the measurement, so both runs train the whole time
                Platform.runLater(() -> {
                    long t0 = System.nanoTime();
                    window.experimentsModel().start(new ExperimentPlan(
                            window.hyperparametersModel().settings().withLearningRate(1e-5), null, List.of(),
                            new long[] {101, 102},
                            new StopRule(5_000_000, 500), 20_000, 5, 2));
                    System.err.printf(Locale.ROOT, "probe: experiment started at %.1f s; start() took %.1f ms on the FX thread%n",
                            (t0 - born) / 1e9, (System.nanoTime() - t0) / 1e6);
                });
                Thread.sleep(seconds * 1000);
                Platform.runLater(() -> {
                    try {
                        if (params.length > 2 && !params[2].isEmpty()) {
                            System.err.println("saved " + Screenshots.save(window.root(), params[2]));
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    Platform.exit();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /**
     * Prints every pulse gap over 50 ms with the FX thread's own CPU time in it: close to the
     * gap, the FX thread was busy; far below, it was waiting (for the renderer or a core).
     */
    private void watchGaps() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        new AnimationTimer() {
            private long lastWall;
            private long lastCpu;

            @Override
            public void handle(long now) {
                long wall = System.nanoTime();
                long cpu = mx.getCurrentThreadCpuTime();
                if (lastWall != 0 && wall - lastWall > 50_000_000L) {
                    System.err.printf(Locale.ROOT, "probe: gap %.1f ms at %.1f s, FX thread CPU in it %.1f ms%n",
                            (wall - lastWall) / 1e6, (wall - born) / 1e9, (cpu - lastCpu) / 1e6);
                }
                lastWall = wall;
                lastCpu = cpu;
            }
        }.start();
    }

    @Override
    public void stop() {
        window.shutdown();
        background.shutdown();
    }
}
}
