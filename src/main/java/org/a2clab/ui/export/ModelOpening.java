package org.a2clab.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.BundleException;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.Manifest;
import org.a2clab.export.MetricsCsv;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingResult;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingViewModel;

/** Open model: the bundle checked completely (off the FX thread) before anything changes. */
final class ModelOpening {
    /** Curves of an opened model kept for its plots: the shape of the whole run, in bounded memory. */
    static final int OPENED_CURVE_ROWS = 20_000;

    /**
     * A bundle that passed every check, the settings it will run with here, and its own training
     * (counters, and curves when its metrics.csv could be read; {@code curvesNote} says if not).
     */
    record Checked(Manifest manifest, Hyperparameters hyperparameters, RunStart start, String curvesNote) {
    }

    private final TrainingViewModel training;
    private final Executor background;

    ModelOpening(TrainingViewModel training, Executor background) {
        this.training = training;
        this.background = background;
    }

    /** Loads and closes the bundle's network: every check ModelBundle makes, nothing kept. */
    CompletableFuture<Checked> check(Path path) {
        if (training.hasNetworkProperty().get()) {
            return training.currentRun().submit(view -> checkBundle(path));
        }
        // No training thread yet: check on the background thread, which nothing else uses for DJL.
        return CompletableFuture.supplyAsync(() -> {
            DjlRuntime.prepareTrainingThread();
            return checkBundle(path);
        }, background);
    }

    /** Continues from the checked bundle's network, paused; {@code then} gets the state it reached. */
    void start(Path path, Checked checked, Consumer<SessionState> then) {
        training.continuePausedFrom(loader(path, checked.hyperparameters().device()), checked.start());
        ChangeListener<SessionState> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends SessionState> obs, SessionState old, SessionState state) {
                if (state != SessionState.STARTING) {
                    training.stateProperty().removeListener(this);
                    then.accept(state);
                }
            }
        };
        training.stateProperty().addListener(listener);
    }

    /**
     * A model trained on a GPU opens on a machine without one: its device setting becomes auto
     * (the CPU here) instead of failing the session it starts.
     */
    private static Checked checkBundle(Path path) {
        try (LoadedModel model = ModelBundle.load(path, DeviceChoice.CPU)) {
            Hyperparameters hp = model.hyperparameters();
            if (hp.device() == DeviceChoice.GPU && DjlRuntime.gpuCount() == 0) {
                hp = hp.withDevice(DeviceChoice.AUTO);
            }
            MetricsLog curves = null;
            String note = "";
            try {
                curves = MetricsCsv.readBundle(path, OPENED_CURVE_ROWS);
                if (curves == null) {
                    note = "\nIt was saved without metrics.csv: the plots start empty.";
                }
            } catch (IOException | RuntimeException e) {
                // the network is fine; only its curves are unreadable
                note = "\nIts training curves could not be read (" + e.getMessage() + "): the plots start empty.";
            }
            return new Checked(model.manifest(), hp, RunStart.of(model.manifest().training(), curves), note);
        } catch (BundleException e) {
            throw new CompletionException(e);
        }
    }

    /** Runs on the new session's training thread; a failure there is the session's start failure. */
    private static Supplier<ActorCritic> loader(Path path, DeviceChoice device) {
        return () -> {
            try {
                return ModelBundle.load(path, device).network();
            } catch (BundleException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false; // unreadable: let the loader say why
        }
    }

    static String describe(Path path, Manifest m) {
        TrainingResult t = m.training();
        return String.format("%s: hidden size %d, trained for %,d env steps (%,d updates, %,d episodes), "
                + "mean return of the last 100: %.1f%s.%nIts settings are in the sliders; it is paused: "
                + "watch it, inspect it, evaluate it, or press Resume to train it further.",
                path.getFileName(), m.hiddenSize(), t.envSteps(), t.updates(), t.episodes(),
                t.meanReturnLast100(), t.solved() ? " (solved)" : "");
    }
}
