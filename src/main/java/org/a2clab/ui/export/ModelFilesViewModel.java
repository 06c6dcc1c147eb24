package org.a2clab.ui.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.BundleException;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.Manifest;
import org.a2clab.export.MetricsCsv;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.A2c;
import org.a2clab.train.Evaluation;
import org.a2clab.train.EvaluationResult;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.SessionState;
import org.a2clab.train.TrainingResult;
import org.a2clab.ui.hyperparams.HyperparametersViewModel;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingViewModel;

/**
 * Export model, Export as .zip, Open model and Evaluate. Network work runs on the training thread
 * ({@link TrainingViewModel#submit}), file writing on {@code background}, and every result comes
 * back through {@code ui}: the FX thread never waits for DJL or the disk.
 */
public final class ModelFilesViewModel {
    /** Enough episodes for a stable mean, few enough to answer in well under a second. */
    static final int EVALUATION_EPISODES = 20;

    // Properties
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<EvaluationResult> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final BooleanBinding canUseNetwork;
    private final BooleanBinding canOpen = busy.not();

    private final TrainingViewModel training;
    private final HyperparametersViewModel hyperparameters;
    private final ChartImages charts;
    private final Executor background;
    private final Executor ui;
    private long evaluationSeed = 1;

    /**
     * @param background runs file writing, and checks a bundle when no session has a training
     *                   thread (the app's session-control thread; tests may pass a direct executor)
     * @param ui         where results land (the FX thread)
     */
    public ModelFilesViewModel(TrainingViewModel training, HyperparametersViewModel hyperparameters,
            ChartImages charts, Executor background, Executor ui) {
        this.training = training;
        this.hyperparameters = hyperparameters;
        this.charts = charts;
        this.background = background;
        this.ui = ui;
        canUseNetwork = training.hasNetworkProperty().and(busy.not());
    }

    // Commands

    /** Writes the current network, its run's statistics, metrics CSVs and chart PNGs into {@code dir}. */
    public void exportTo(Path dir) {
        export(dir, "Exporting model to " + dir.getFileName() + "…", files -> finished(Notice.info("Model exported",
                "Wrote " + dir.toAbsolutePath() + ":\n" + String.join("\n", files))));
    }

    /** As {@link #exportTo} into a temporary directory, packed into one {@code zipFile}. */
    public void exportZip(Path zipFile) {
        if (!canUseNetwork.get()) {
            return;
        }
        Path staging;
        try {
            staging = Files.createTempDirectory("a2c-lab-export").resolve("bundle");
        } catch (IOException e) {
            finished(Notice.error("Export failed", "No temporary directory for the .zip: " + e.getMessage()));
            return;
        }
        export(staging, "Exporting model to " + zipFile.getFileName() + "…", files -> CompletableFuture.supplyAsync(() -> {
            try {
                ModelBundle.zip(staging, zipFile);
                return files;
            } catch (BundleException e) {
                throw new CompletionException(e);
            } finally {
                deleteQuietly(staging.getParent());
            }
        }, background).whenCompleteAsync((packed, error) -> {
            if (error != null) {
                failed("Export failed", error);
            } else {
                finished(Notice.info("Model exported", "Wrote " + zipFile.toAbsolutePath()
                        + " holding:\n" + String.join("\n", packed)));
            }
        }, ui));
    }

    /**
     * The question to ask before opening replaces the network in hand (training, paused or kept
     * after Stop); empty when nothing would be lost.
     */
    public Optional<String> openWouldReplace() {
        if (!training.hasNetworkProperty().get() && !training.canStopProperty().get()) {
            return Optional.empty();
        }
        return Optional.of(String.format("Opening a model replaces the current network (%s) and its plots. "
                + "Export it first (File → Export model…) to keep it.", describeCurrent()));
    }

    /**
     * The question to ask before {@link #exportTo} replaces an existing bundle folder; empty when
     * {@code dir} is new or empty. (A folder that is not an A2C Lab bundle is refused anyway.)
     */
    public Optional<String> exportWouldReplace(Path dir) {
        if (!Files.isDirectory(dir) || isEmptyDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(dir.getFileName() + " already exists. Replace the model bundle in it? "
                + "Its files are replaced only once the new bundle is completely written.");
    }

    /** Forgets how the last action ended (its line beside the menu), unless one is running. */
    public void clearOutcome() {
        if (!busy.get()) {
            progress.set("");
        }
    }

    /**
     * Checks the bundle (dir or .zip) completely before anything changes; then restores its
     * hyperparameters into the settings and continues from its network, paused. A broken bundle
     * is reported and the current session keeps running untouched.
     */
    public void open(Path path) {
        if (busy.get()) {
            return;
        }
        if (Files.isDirectory(path) && isEmptyDirectory(path)) {
            begin("Opening " + path.getFileName() + "…");
            finished(Notice.error("Could not open " + path.getFileName(), path.getFileName()
                    + " is an empty folder. Choose the folder of an exported model (it holds "
                    + ModelBundle.MANIFEST_FILE + ") or its .zip.\n\nThe current model is unchanged."));
            return;
        }
        begin("Opening " + path.getFileName() + "…");
        check(path).whenCompleteAsync((checked, error) -> {
            if (error != null) {
                failed("Could not open " + path.getFileName(), error);
                return;
            }
            Manifest manifest = checked.manifest();
            Hyperparameters hp = checked.hyperparameters();
            hyperparameters.load(hp);
            training.continuePausedFrom(loader(path, hp.device()), checked.start());
            whenStarted(state -> {
                if (state == SessionState.PAUSED) {
                    finished(Notice.info("Model opened", describe(path, manifest) + checked.curvesNote()));
                } else {
                    // The session's own failure dialog explains why (e.g. the file changed since the check).
                    busy.set(false);
                    progress.set("Opening " + path.getFileName() + " failed");
                }
            });
        }, ui);
    }

    /** Plays {@link #EVALUATION_EPISODES} episodes with the current network, greedy or sampled. */
    public void evaluate(boolean greedy) {
        if (!canUseNetwork.get()) {
            return;
        }
        long seed = evaluationSeed++;
        String mode = greedy ? "greedy" : "sampled";
        begin("Evaluating (" + mode + ", " + EVALUATION_EPISODES + " episodes)…");
        training.submit(a2c -> Evaluation.run(a2c.network(), EVALUATION_EPISODES, greedy, seed))
                .whenCompleteAsync((result, error) -> {
                    if (error != null) {
                        failed("Evaluation failed", error);
                        return;
                    }
                    evaluation.set(result);
                    finished(Notice.info("Evaluation (" + result.mode() + ")", summary(result)));
                }, ui);
    }

    /** "Greedy: mean 500.0, min 500, max 500 over 20 episodes (seed 1)". */
    public static String summary(EvaluationResult r) {
        String mode = r.greedy() ? "Greedy (argmax π)" : "Sampled (a ~ π)";
        return String.format("%s: mean %.1f, min %.0f, max %.0f over %d episodes (seed %d)",
                mode, r.mean(), r.min(), r.max(), r.episodes(), r.seed());
    }

    private void export(Path dir, String doing, Consumer<List<String>> written) {
        if (!canUseNetwork.get()) {
            return;
        }
        // Snapshots must be taken here, on the FX thread; encoding them waits for the background.
        Map<String, Supplier<byte[]>> images = charts.capture();
        Supplier<MetricsLog> metrics = training.metricsLog();
        LongSupplier solvedAt = training.solvedAtStep();
        RunStart base = training.runStart();
        begin(doing);
        // PNGs are encoded first, so they go into the bundle's atomic save with everything else
        CompletableFuture.supplyAsync(() -> encodeImages(images), background)
                .thenCompose(pngs -> training.submit(a2c -> save(a2c, base, dir, metrics.get(), solvedAt.getAsLong(), pngs)))
                .thenApplyAsync(saved -> listFiles(dir), background)
                .whenCompleteAsync((files, error) -> {
                    if (error != null) {
                        failed("Export failed", error);
                    } else {
                        written.accept(files);
                    }
                }, ui);
    }

    /**
     * On the training thread, between updates: network, statistics and metrics agree. "Solved"
     * is the status bar's badge: the run met the rule at {@code solvedAt} (the mean may have fallen since).
     */
    private static Void save(A2c a2c, RunStart base, Path dir, MetricsLog metrics, long solvedAt,
            Map<String, byte[]> images) {
        // an opened model's counters go on from its own training; so does its mean until new episodes end
        double mean = a2c.episodes() > 0 ? a2c.meanReturnLast100() : base.meanReturnLast100();
        TrainingResult result = new TrainingResult(solvedAt >= 0, base.envSteps() + a2c.envSteps(),
                base.updates() + a2c.updates(), base.episodes() + a2c.episodes(),
                base.trainingSeconds() + a2c.trainingSeconds(), mean, a2c.deviceName(),
                a2c.hyperparameters(), solvedAt);
        try {
            ModelBundle.save(dir, a2c.network(), result, metrics, images);
            return null;
        } catch (BundleException e) {
            throw new CompletionException(e);
        }
    }

    /** On the background thread: the charts' PNGs, encoded in parallel. */
    private static Map<String, byte[]> encodeImages(Map<String, Supplier<byte[]>> images) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        images.entrySet().parallelStream().map(image -> {
            try {
                return Map.entry(image.getKey(), image.getValue().get());
            } catch (UncheckedIOException e) {
                throw new UncheckedIOException("could not encode " + image.getKey() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }).forEachOrdered(png -> pngs.put(png.getKey(), png.getValue()));
        return pngs;
    }

    private static List<String> listFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle is saved, but listing it failed: " + e.getMessage(), e);
        }
    }

    /**
     * A bundle that passed every check, the settings it will run with here, and its own training
     * (counters, and curves when its metrics.csv could be read; {@code curvesNote} says if not).
     */
    private record Checked(Manifest manifest, Hyperparameters hyperparameters, RunStart start, String curvesNote) {
    }

    /** Curves of an opened model kept for its plots: the shape of the whole run, in bounded memory. */
    static final int OPENED_CURVE_ROWS = 20_000;

    /** Loads and closes the bundle's network: every check ModelBundle makes, nothing kept. */
    private CompletableFuture<Checked> check(Path path) {
        if (training.hasNetworkProperty().get()) {
            return training.submit(a2c -> checkBundle(path));
        }
        // No training thread yet: check on the background thread, which nothing else uses for DJL.
        return CompletableFuture.supplyAsync(() -> {
            DjlRuntime.prepareTrainingThread();
            return checkBundle(path);
        }, background);
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

    private void whenStarted(Consumer<SessionState> then) {
        ChangeListener<SessionState> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends SessionState> obs,
                    SessionState old, SessionState state) {
                if (state != SessionState.STARTING) {
                    training.stateProperty().removeListener(this);
                    then.accept(state);
                }
            }
        };
        training.stateProperty().addListener(listener);
    }

    private String describeCurrent() {
        long steps = training.envStepsShown();
        return steps > 0 ? String.format("%,d env steps of training", steps) : "not trained yet";
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false; // unreadable: let the loader say why
        }
    }

    private static String describe(Path path, Manifest m) {
        TrainingResult t = m.training();
        return String.format("%s: hidden size %d, trained for %,d env steps (%,d updates, %,d episodes), "
                + "mean return of the last 100: %.1f%s.%nIts settings are in the sliders; it is paused: "
                + "watch it, inspect it, evaluate it, or press Resume to train it further.",
                path.getFileName(), m.hiddenSize(), t.envSteps(), t.updates(), t.episodes(),
                t.meanReturnLast100(), t.solved() ? " (solved)" : "");
    }

    private void begin(String message) {
        busy.set(true);
        progress.set(message);
        notice.set(null);
    }

    private void finished(Notice result) {
        busy.set(false);
        progress.set(result.title());
        notice.set(result);
    }

    private void failed(String title, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        finished(Notice.error(title, message + "\n\nThe current model is unchanged."));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // A leftover copy in the system temp directory; the .zip itself is complete or absent.
        }
    }

    // Property accessors

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is running now, or how the last action ended. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last action's outcome (confirmation or error); null while one runs. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** Export and Evaluate need a network; none of the actions overlap. */
    public BooleanBinding canUseNetworkProperty() {
        return canUseNetwork;
    }

    public BooleanBinding canOpenProperty() {
        return canOpen;
    }
}
