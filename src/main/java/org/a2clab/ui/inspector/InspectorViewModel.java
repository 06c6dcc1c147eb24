package org.a2clab.ui.inspector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.a2clab.agent.ActorCritic;
import org.a2clab.inspect.EpisodeCsv;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeRecorder;
import org.a2clab.inspect.Heatmap;
import org.a2clab.train.Hyperparameters;
import org.a2clab.inspect.Impulse;
import org.a2clab.inspect.LiveEpisode;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.inspect.TrainingEpisodeTracker;
import org.a2clab.inspect.TrainingEpisodes;
import org.a2clab.train.WorkerFrame;

/**
 * The episode inspector's state and commands. Lives on the FX thread except where a method says
 * otherwise; all network work goes through {@link NetworkJobs} and comes back via {@code ui}.
 * Time is driven from outside by {@link #tick(long)} (an AnimationTimer in the view), so tests
 * can step it deterministically.
 */
public final class InspectorViewModel {
    /** CartPole runs at 50 steps per simulated second (τ = 20 ms); speed 1 plays in real time. */
    static final double FRAMES_PER_SECOND = 50;
    /** At most ~3 heatmap refreshes per second while training changes the network. */
    static final long HEATMAP_INTERVAL_NANOS = 333_000_000L;
    /** Keep at most one training episode every 2 s: early episodes end many times a second. */
    static final long TRAINING_EPISODE_INTERVAL_NANOS = 2_000_000_000L;
    static final int HEATMAP_COLUMNS = 41;
    static final int HEATMAP_ROWS = 41;
    /**
     * Frames drawn per turn on the FX thread while exporting: a few snapshots keep each turn
     * short, so pulses (and the user) get in between.
     */
    static final int EXPORT_FRAMES_PER_TURN = 6;
    /** Live play takes at most this many steps per job, so a slow pulse never floods the queue. */
    private static final int MAX_LIVE_STEPS_PER_JOB = 10;

    private final NetworkJobs jobs;
    private final Supplier<Hyperparameters> hyperparameters;
    private final FrameImages frameImages;
    private final Executor background;
    private final Executor ui;
    private final EpisodeHistory history = new EpisodeHistory();
    private final TrainingEpisodeTracker tracker = new TrainingEpisodeTracker();
    private final AtomicBoolean heatmapDirty = new AtomicBoolean(true);

    // Properties
    private final ObjectProperty<RecordedEpisode> selectedEpisode = new SimpleObjectProperty<>(this, "selectedEpisode");
    private final IntegerProperty frameIndex = new SimpleIntegerProperty(this, "frameIndex");
    private final ReadOnlyIntegerWrapper lastFrameIndex = new ReadOnlyIntegerWrapper(this, "lastFrameIndex");
    private final ReadOnlyObjectWrapper<EpisodeFrame> currentFrame = new ReadOnlyObjectWrapper<>(this, "currentFrame");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final ReadOnlyObjectWrapper<RecordedEpisode> liveEpisode = new ReadOnlyObjectWrapper<>(this, "liveEpisode");
    private final ReadOnlyIntegerWrapper jobsInFlight = new ReadOnlyIntegerWrapper(this, "jobsInFlight");
    private final DoubleProperty impulseSize = new SimpleDoubleProperty(this, "impulseSize", 0.5);
    private final DoubleProperty heatmapX = new SimpleDoubleProperty(this, "heatmapX");
    private final DoubleProperty heatmapXDot = new SimpleDoubleProperty(this, "heatmapXDot");
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper exportingFrames = new ReadOnlyBooleanWrapper(this, "exportingFrames");
    private final ReadOnlyObjectWrapper<ValueScale> valueScale = new ReadOnlyObjectWrapper<>(this, "valueScale");
    private final BooleanProperty networkAvailable = new SimpleBooleanProperty(this, "networkAvailable", true);

    private LiveEpisode live;
    private boolean liveJobInFlight;
    private boolean heatmapInFlight;
    private boolean showsFailure;
    private long lastHeatmapStart = Long.MIN_VALUE / 2;
    private long lastTick = -1;
    private double pendingFrames;
    private long nextSeed = 1;
    private volatile long lastTrainingEpisode = Long.MIN_VALUE / 2;

    /** For the app: completions run on the FX thread. */
    public InspectorViewModel(NetworkJobs jobs, Supplier<Hyperparameters> hyperparameters,
            FrameImages frameImages, Executor background) {
        this(jobs, hyperparameters, frameImages, background, Platform::runLater);
    }

    /**
     * @param frameImages draws exported frames (on the {@code ui} thread)
     * @param background  encodes and writes exported PNGs
     * @param ui          runs completions where the properties live (tests: {@code Runnable::run})
     */
    public InspectorViewModel(NetworkJobs jobs, Supplier<Hyperparameters> hyperparameters,
            FrameImages frameImages, Executor background, Executor ui) {
        this.jobs = jobs;
        this.hyperparameters = hyperparameters;
        this.frameImages = frameImages;
        this.background = background;
        this.ui = ui;
        selectedEpisode.addListener((obs, old, episode) -> {
            lastFrameIndex.set(episode == null ? 0 : Math.max(0, episode.length() - 1));
            frameIndex.set(clamp(frameIndex.get()));
            updateCurrentFrame();
        });
        frameIndex.addListener((obs, old, index) -> {
            int clamped = clamp(index.intValue());
            if (clamped != index.intValue()) {
                frameIndex.set(clamped);
            } else {
                updateCurrentFrame();
            }
        });
        networkAvailable.addListener((obs, old, available) -> {
            heatmapDirty.set(true);
            if (!available) {
                heatmap.set(null); // the old network's map would be mistaken for the next one's
                valueScale.set(null);
                if (live != null) {
                    live = null;
                    liveEpisode.set(null);
                    playing.set(false);
                }
            }
        });
        heatmapX.addListener((obs, old, x) -> heatmapDirty.set(true));
        heatmapXDot.addListener((obs, old, x) -> heatmapDirty.set(true));
    }

    private int clamp(int index) {
        return Math.max(0, Math.min(index, lastFrameIndex.get()));
    }

    private void updateCurrentFrame() {
        RecordedEpisode e = selectedEpisode.get();
        currentFrame.set(e == null || e.length() == 0 ? null : e.frame(frameIndex.get()));
    }

    // Commands

    /** Records one greedy (argmax π) episode with the next seed and selects it. */
    public void recordGreedy() {
        record(EpisodeKind.GREEDY);
    }

    /** Records one episode with actions sampled from π, with the next seed, and selects it. */
    public void recordSampled() {
        record(EpisodeKind.SAMPLED);
    }

    private void record(EpisodeKind kind) {
        if (!networkAvailable.get()) {
            return;
        }
        long seed = nextSeed++;
        Hyperparameters hp = hyperparameters.get();
        run(net -> EpisodeRecorder.record(net, kind, seed, hp.nSteps(), hp.gamma()), episode -> {
            addEpisode(episode);
            selectedEpisode.set(episode);
            frameIndex.set(0);
            status.set("Recorded " + episode.label());
        });
    }

    /** Starts a greedy episode that plays in real time and can be pushed; the player follows it. */
    public void playLive() {
        if (!networkAvailable.get()) {
            return;
        }
        long seed = nextSeed++;
        live = new LiveEpisode(EpisodeKind.GREEDY, seed);
        RecordedEpisode empty = RecordedEpisode.of(EpisodeKind.GREEDY, seed, List.of(), 0, 1, 1);
        liveEpisode.set(empty);
        history.add(empty, selectedEpisode.get());
        selectedEpisode.set(empty);
        playing.set(true);
        status.set("Live: push the pole or cart and watch V(s) and π react");
    }

    /** Pushes the live episode's cart or pole now; the next frame is marked perturbed. */
    public void push(Impulse impulse) {
        LiveEpisode target = live;
        if (target == null) {
            return;
        }
        run(net -> target.done() ? null : target.perturb(impulse), state -> {
            if (state != null) {
                status.set(String.format("Pushed: %s %+.2f", impulse.target() == Impulse.Target.CART_VELOCITY
                        ? "ẋ" : "dθ/dt", impulse.size()));
            }
        });
    }

    public void togglePlay() {
        playing.set(!playing.get());
        if (playing.get() && live == null && frameIndex.get() >= lastFrameIndex.get()) {
            frameIndex.set(0);
        }
    }

    public void stepForward() {
        playing.set(false);
        frameIndex.set(frameIndex.get() + 1);
    }

    public void stepBack() {
        playing.set(false);
        frameIndex.set(frameIndex.get() - 1);
    }

    public void jumpToStart() {
        frameIndex.set(0);
    }

    public void jumpToEnd() {
        frameIndex.set(lastFrameIndex.get());
    }

    /** Shows frame {@code t} (clamped to the episode). */
    public void seek(int t) {
        frameIndex.set(clamp(t));
    }

    /** Adds an episode to the history (bounded) without selecting it. */
    public void addEpisode(RecordedEpisode episode) {
        history.add(episode, selectedEpisode.get());
        if (selectedEpisode.get() == null) {
            selectedEpisode.set(episode);
        }
    }

    /** Writes the selected episode as CSV (temporary file, then rename). */
    public void exportCsv(Path file) {
        RecordedEpisode e = selectedEpisode.get();
        if (e == null) {
            return;
        }
        try {
            EpisodeCsv.write(e, file);
            status.set("Exported " + e.length() + " frames to " + file.getFileName());
        } catch (IOException ex) {
            status.set("Export failed: " + ex.getMessage());
        }
    }

    /**
     * Writes the selected episode into {@code dir} as {@code frame-0000.png}, … one per frame:
     * drawn a few frames per turn on the UI thread, encoded in the background, renamed into place
     * when complete. {@code dir} must be new, empty, or hold only an earlier frame sequence.
     */
    public void exportFrames(Path dir) {
        RecordedEpisode e = selectedEpisode.get();
        if (e == null || e.length() == 0 || exportingFrames.get()) {
            return;
        }
        PngSequence sequence;
        try {
            sequence = PngSequence.begin(dir);
        } catch (IOException ex) {
            status.set("Export failed: " + ex.getMessage());
            return;
        }
        exportingFrames.set(true);
        status.set("Writing frames 0/" + e.length());
        exportFramesFrom(e, sequence, 0, CompletableFuture.completedFuture(null));
    }

    /**
     * Draws frames {@code from}… of one turn on the UI thread and hands them to the background to
     * encode (the turn's frames in parallel) and write. Drawing the next turn overlaps with writing
     * this one: it waits only for the turn before, so at most two turns' images are in memory.
     */
    private void exportFramesFrom(RecordedEpisode e, PngSequence sequence, int from,
            CompletableFuture<Void> previousWrite) {
        if (!exportingFrames.get()) {
            return; // an earlier turn failed and reported it
        }
        int to = Math.min(from + EXPORT_FRAMES_PER_TURN, e.length());
        List<Supplier<byte[]>> images = new ArrayList<>(to - from);
        try {
            for (int t = from; t < to; t++) {
                images.add(frameImages.render(e.frame(t)));
            }
        } catch (RuntimeException ex) {
            framesFailed(sequence, ex);
            return;
        }
        CompletableFuture<Void> written = previousWrite.thenRunAsync(() -> {
            java.util.stream.IntStream.range(0, images.size()).parallel().forEach(i -> {
                try {
                    sequence.write(from + i, images.get(i));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            if (to == e.length()) {
                try {
                    sequence.commit();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }, background);
        written.whenCompleteAsync((done, error) -> {
            if (error != null) {
                framesFailed(sequence, error);
            } else if (to < e.length()) {
                status.set("Writing frames " + to + "/" + e.length());
            } else {
                exportingFrames.set(false);
                status.set("Exported " + e.length() + " frames to " + sequence.target());
            }
        }, ui);
        if (to < e.length()) {
            // the next turn is drawn while this one is written
            previousWrite.whenCompleteAsync((done, error) -> {
                if (error == null) {
                    exportFramesFrom(e, sequence, to, written);
                }
            }, ui);
        }
    }

    private void framesFailed(PngSequence sequence, Throwable error) {
        if (!exportingFrames.get()) {
            return; // already reported (a later turn's failure follows the first)
        }
        sequence.discard();
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        exportingFrames.set(false);
        status.set("Export failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
    }

    /** The network changed (an update, a load): heatmaps refresh at the next allowed tick. Any thread. */
    public void networkChanged() {
        heatmapDirty.set(true);
    }

    /**
     * One update's frames of the rendered worker, from the training thread: finished episodes
     * become training episodes in the history (at most one every 2 s).
     */
    public void acceptWorkerFrames(List<WorkerFrame> frames) {
        List<List<WorkerFrame>> finished;
        synchronized (tracker) {
            finished = tracker.accept(frames);
        }
        if (finished.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastTrainingEpisode < TRAINING_EPISODE_INTERVAL_NANOS) {
            return;
        }
        lastTrainingEpisode = now;
        List<WorkerFrame> episode = finished.get(finished.size() - 1);
        Hyperparameters hp = hyperparameters.get();
        jobs.submit(net -> TrainingEpisodes.record(episode, net, hp.nSteps(), hp.gamma()))
                .thenAcceptAsync(this::addEpisode, ui);
    }

    /** Advances playback, live play and heatmap refreshes; called once per pulse with its time. */
    public void tick(long nowNanos) {
        double elapsed = lastTick < 0 ? 0 : (nowNanos - lastTick) / 1e9;
        lastTick = nowNanos;
        if (playing.get()) {
            pendingFrames += elapsed * FRAMES_PER_SECOND * speed.get();
            int frames = (int) pendingFrames;
            pendingFrames -= frames;
            if (live != null) {
                stepLive(frames);
            } else if (frames > 0) {
                advance(frames);
            }
        } else {
            pendingFrames = 0;
        }
        refreshHeatmapIfDue(nowNanos);
    }

    private void advance(int frames) {
        int next = frameIndex.get() + frames;
        frameIndex.set(clamp(next));
        if (next >= lastFrameIndex.get()) {
            playing.set(false);
        }
    }

    private void stepLive(int frames) {
        if (liveJobInFlight || frames <= 0) {
            return;
        }
        LiveEpisode episode = live;
        int steps = Math.min(frames, MAX_LIVE_STEPS_PER_JOB);
        Hyperparameters hp = hyperparameters.get();
        liveJobInFlight = true;
        run(net -> {
            for (int i = 0; i < steps && episode.step(net); i++) {
                // one forward per step
            }
            return episode.snapshot(net, hp.nSteps(), hp.gamma());
        }, snapshot -> {
            liveJobInFlight = false;
            if (live != episode) {
                return;
            }
            RecordedEpisode previous = liveEpisode.get();
            // decided before the list changes: replacing the selected item may move the selection
            boolean following = selectedEpisode.get() == previous;
            history.replace(previous, snapshot);
            liveEpisode.set(snapshot);
            if (following) {
                selectedEpisode.set(snapshot);
                frameIndex.set(snapshot.length() - 1);
            }
            if (snapshot.finished()) {
                live = null;
                liveEpisode.set(null);
                playing.set(false);
                status.set("Live episode ended: " + snapshot.label());
            }
        }, () -> liveJobInFlight = false);
    }

    private void refreshHeatmapIfDue(long nowNanos) {
        if (heatmapInFlight || !networkAvailable.get() || nowNanos - lastHeatmapStart < HEATMAP_INTERVAL_NANOS
                || !heatmapDirty.getAndSet(false)) {
            return;
        }
        heatmapInFlight = true;
        lastHeatmapStart = nowNanos;
        double x = heatmapX.get();
        double xDot = heatmapXDot.get();
        run(net -> Heatmap.compute(net, x, xDot, HEATMAP_COLUMNS, HEATMAP_ROWS), map -> {
            heatmapInFlight = false;
            valueScale.set(ValueScale.widen(valueScale.get(), map.minValue(), map.maxValue()));
            heatmap.set(map);
        }, () -> {
            heatmapInFlight = false;
            // e.g. no network yet, or a new run still building it: try again at the next interval
            heatmapDirty.set(true);
        });
    }

    private <T> void run(Function<ActorCritic, T> job, Consumer<T> done) {
        run(job, done, () -> { });
    }

    /** Submits a network job; the result (or failure) is handled on the UI executor. */
    private <T> void run(Function<ActorCritic, T> job,
            Consumer<T> done, Runnable failed) {
        jobsInFlight.set(jobsInFlight.get() + 1);
        CompletableFuture<T> future = jobs.submit(job);
        future.whenCompleteAsync((result, error) -> {
            jobsInFlight.set(jobsInFlight.get() - 1);
            if (error != null) {
                failed.run();
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                status.set("Network job failed: " + cause.getMessage());
                showsFailure = true;
            } else {
                // A failure from before a network existed (or a retrain) is stale once jobs work again.
                if (showsFailure) {
                    showsFailure = false;
                    status.set("");
                }
                done.accept(result);
            }
        }, ui);
    }

    // Property accessors

    /**
     * Whether a network exists to record, play live and map (the window binds it to the
     * training session's); without one those commands are disabled and nothing is submitted.
     */
    public BooleanProperty networkAvailableProperty() {
        return networkAvailable;
    }

    public ObservableList<RecordedEpisode> episodes() {
        return history.episodes();
    }

    public ObjectProperty<RecordedEpisode> selectedEpisodeProperty() {
        return selectedEpisode;
    }

    public IntegerProperty frameIndexProperty() {
        return frameIndex;
    }

    public ReadOnlyIntegerProperty lastFrameIndexProperty() {
        return lastFrameIndex.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EpisodeFrame> currentFrameProperty() {
        return currentFrame.getReadOnlyProperty();
    }

    public EpisodeFrame currentFrame() {
        return currentFrame.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The live episode's latest snapshot while one plays, else null. */
    public ReadOnlyObjectProperty<RecordedEpisode> liveEpisodeProperty() {
        return liveEpisode.getReadOnlyProperty();
    }

    public BooleanBinding liveBinding() {
        return liveEpisode.isNotNull();
    }

    /** Network jobs submitted and not yet answered (recordings, live steps, heatmaps). */
    public ReadOnlyIntegerProperty jobsInFlightProperty() {
        return jobsInFlight.getReadOnlyProperty();
    }

    public DoubleProperty impulseSizeProperty() {
        return impulseSize;
    }

    public DoubleProperty heatmapXProperty() {
        return heatmapX;
    }

    public DoubleProperty heatmapXDotProperty() {
        return heatmapXDot;
    }

    /**
     * The V heatmap's colour scale: it only widens while a network trains, so a colour means the
     * same value from one refresh to the next. Starts again with a new run.
     */
    public ReadOnlyObjectProperty<ValueScale> valueScaleProperty() {
        return valueScale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    /** A frame export is running; another waits until it has finished. */
    public ReadOnlyBooleanProperty exportingFramesProperty() {
        return exportingFrames.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "t / last" for the player. */
    public StringBinding positionText() {
        return Bindings.createStringBinding(() -> selectedEpisode.get() == null ? "–"
                : frameIndex.get() + " / " + lastFrameIndex.get(), frameIndex, lastFrameIndex, selectedEpisode);
    }
}
