package org.a2clab.ui.inspector;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.Impulse;
import org.a2clab.inspect.LiveEpisode;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.Hyperparameters;

/**
 * A greedy episode played in real time that the user can push; the player follows its latest
 * snapshot. Steps run as network jobs, one job in flight at a time.
 */
public final class LivePlay {
    /** Live play takes at most this many steps per job, so a slow pulse never floods the queue. */
    private static final int MAX_LIVE_STEPS_PER_JOB = 10;

    private final NetworkRunner runner;
    private final Supplier<Hyperparameters> hyperparameters;
    private final EpisodeHistory history;
    private final ObjectProperty<RecordedEpisode> selected;
    private final IntegerProperty frameIndex;
    private final BooleanProperty playing;
    private final StringProperty status;
    private final ReadOnlyObjectWrapper<RecordedEpisode> liveEpisode = new ReadOnlyObjectWrapper<>(this, "liveEpisode");
    private LiveEpisode live;
    private boolean jobInFlight;

    LivePlay(NetworkRunner runner, Supplier<Hyperparameters> hyperparameters, EpisodeHistory history,
            ObjectProperty<RecordedEpisode> selected, IntegerProperty frameIndex, BooleanProperty playing,
            StringProperty status) {
        this.runner = runner;
        this.hyperparameters = hyperparameters;
        this.history = history;
        this.selected = selected;
        this.frameIndex = frameIndex;
        this.playing = playing;
        this.status = status;
    }

    boolean active() {
        return live != null;
    }

    void start(long seed) {
        live = new LiveEpisode(EpisodeKind.GREEDY, seed);
        RecordedEpisode empty = RecordedEpisode.of(EpisodeKind.GREEDY, seed, List.of(), 0, 1, 1);
        liveEpisode.set(empty);
        history.add(empty, selected.get());
        selected.set(empty);
        playing.set(true);
        status.set("Live: push the pole or cart and watch V(s) and π react");
    }

    /** The network is gone: the episode cannot go on. */
    void end() {
        if (live != null) {
            live = null;
            liveEpisode.set(null);
            playing.set(false);
        }
    }

    /** Pushes the live episode's cart or pole now; the next frame is marked perturbed. */
    public void push(Impulse impulse) {
        LiveEpisode target = live;
        if (target == null) {
            return;
        }
        runner.run(net -> target.done() ? null : target.perturb(impulse), state -> {
            if (state != null) {
                status.set(String.format("Pushed: %s %+.2f", impulse.target() == Impulse.Target.CART_VELOCITY
                        ? "ẋ" : "dθ/dt", impulse.size()));
            }
        });
    }

    void step(int frames) {
        if (jobInFlight || frames <= 0) {
            return;
        }
        LiveEpisode episode = live;
        int steps = Math.min(frames, MAX_LIVE_STEPS_PER_JOB);
        Hyperparameters hp = hyperparameters.get();
        jobInFlight = true;
        runner.run(net -> {
            for (int i = 0; i < steps && episode.step(net); i++) {
                // one forward per step
            }
            return episode.snapshot(net, hp.nSteps(), hp.gamma(), hp.gaeLambda());
        }, snapshot -> {
            jobInFlight = false;
            if (live == episode) {
                show(snapshot);
            }
        }, () -> jobInFlight = false);
    }

    private void show(RecordedEpisode snapshot) {
        RecordedEpisode previous = liveEpisode.get();
        // decided before the list changes: replacing the selected item may move the selection
        boolean following = selected.get() == previous;
        history.replace(previous, snapshot);
        liveEpisode.set(snapshot);
        if (following) {
            selected.set(snapshot);
            frameIndex.set(snapshot.length() - 1);
        }
        if (snapshot.finished()) {
            live = null;
            liveEpisode.set(null);
            playing.set(false);
            status.set("Live episode ended: " + snapshot.label());
        }
    }

    /** The live episode's latest snapshot while one plays, else null. */
    public ReadOnlyObjectProperty<RecordedEpisode> liveEpisodeProperty() {
        return liveEpisode.getReadOnlyProperty();
    }

    public BooleanBinding liveBinding() {
        return liveEpisode.isNotNull();
    }
}
