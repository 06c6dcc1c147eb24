package org.a2clab.ui.inspector;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
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
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeRecorder;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.concurrent.BackgroundWork;

/**
 * The episode inspector: history, selection and playback here; live play, heatmaps, training
 * episodes and exports in their own classes. FX thread only; network work goes through
 * {@link NetworkJobs}. {@link #tick(long)} (the view's AnimationTimer) drives time, so tests can step it.
 */
public final class InspectorViewModel {
    /** CartPole runs at 50 steps per simulated second (τ = 20 ms); speed 1 plays in real time. */
    static final double FRAMES_PER_SECOND = 50;

    private final Supplier<Hyperparameters> hyperparameters;
    private final EpisodeHistory history = new EpisodeHistory();

    // Properties
    private final ObjectProperty<RecordedEpisode> selectedEpisode = new SimpleObjectProperty<>(this, "selectedEpisode");
    private final IntegerProperty frameIndex = new SimpleIntegerProperty(this, "frameIndex");
    private final ReadOnlyIntegerWrapper lastFrameIndex = new ReadOnlyIntegerWrapper(this, "lastFrameIndex");
    private final ReadOnlyObjectWrapper<EpisodeFrame> currentFrame = new ReadOnlyObjectWrapper<>(this, "currentFrame");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final DoubleProperty impulseSize = new SimpleDoubleProperty(this, "impulseSize", 0.5);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty networkAvailable = new SimpleBooleanProperty(this, "networkAvailable", true);

    private final NetworkRunner runner;
    private final LivePlay live;
    private final Heatmaps heatmaps;
    private final TrainingEpisodeCapture capture;
    private final EpisodeExport export;

    private long lastTick = -1;
    private double pendingFrames;
    private long nextSeed = 1;

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
        this.hyperparameters = hyperparameters;
        BackgroundWork work = new BackgroundWork(ui);
        runner = new NetworkRunner(jobs, work, status);
        live = new LivePlay(runner, hyperparameters, history, selectedEpisode, frameIndex, playing, status);
        heatmaps = new Heatmaps(runner);
        capture = new TrainingEpisodeCapture(jobs, work, hyperparameters, this::addEpisode);
        export = new EpisodeExport(selectedEpisode, frameImages, background, work, status);
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
            heatmaps.networkChanged();
            if (!available) {
                heatmaps.clear();
                live.end();
            }
        });
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
        runner.run(net -> EpisodeRecorder.record(net, kind, seed, hp.nSteps(), hp.gamma(), hp.gaeLambda()), episode -> {
            addEpisode(episode);
            selectedEpisode.set(episode);
            frameIndex.set(0);
            status.set("Recorded " + episode.label());
        });
    }

    /** Starts a greedy episode that plays in real time and can be pushed; the player follows it. */
    public void playLive() {
        if (networkAvailable.get()) {
            live.start(nextSeed++);
        }
    }

    public void togglePlay() {
        playing.set(!playing.get());
        if (playing.get() && !live.active() && frameIndex.get() >= lastFrameIndex.get()) {
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

    /** The network changed (an update, a load): heatmaps refresh at the next allowed tick. Any thread. */
    public void networkChanged() {
        heatmaps.networkChanged();
    }

    /** One pulse's frames of the rendered worker: finished episodes become training episodes (one per 2 s). */
    public void acceptWorkerFrames(List<WorkerFrame> frames) {
        capture.accept(frames);
    }

    /** Advances playback, live play and heatmap refreshes; called once per pulse with its time. */
    public void tick(long nowNanos) {
        double elapsed = lastTick < 0 ? 0 : (nowNanos - lastTick) / 1e9;
        lastTick = nowNanos;
        if (playing.get()) {
            pendingFrames += elapsed * FRAMES_PER_SECOND * speed.get();
            int frames = (int) pendingFrames;
            pendingFrames -= frames;
            if (live.active()) {
                live.step(frames);
            } else if (frames > 0) {
                advance(frames);
            }
        } else {
            pendingFrames = 0;
        }
        heatmaps.refreshIfDue(nowNanos, networkAvailable.get());
    }

    private void advance(int frames) {
        int next = frameIndex.get() + frames;
        frameIndex.set(clamp(next));
        if (next >= lastFrameIndex.get()) {
            playing.set(false);
        }
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

    /** Network jobs submitted and not yet answered (recordings, live steps, heatmaps). */
    public ReadOnlyIntegerProperty jobsInFlightProperty() {
        return runner.inFlightProperty();
    }

    public DoubleProperty impulseSizeProperty() {
        return impulseSize;
    }

    /** Live play: pushes, and its episode as shown in the player while it runs. */
    public LivePlay live() {
        return live;
    }

    /** The V/π heatmaps and the (x, ẋ) slice they show. */
    public Heatmaps heatmaps() {
        return heatmaps;
    }

    /** CSV and PNG-sequence export of the selected episode. */
    public EpisodeExport exports() {
        return export;
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
