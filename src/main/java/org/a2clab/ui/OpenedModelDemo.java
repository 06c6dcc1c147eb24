package org.a2clab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.a2clab.inspect.EpisodeFrame;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeRecorder;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.SessionState;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.concurrent.BackgroundWork;
import org.a2clab.ui.render.FramePlayer;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingViewModel;

/**
 * An opened model waits paused, so no training frames come: the cart-pole would stay empty. This
 * plays one greedy episode of it on the training canvas instead, until training resumes.
 */
final class OpenedModelDemo {
    /** The same start state every time: the demo shows the model, not luck. */
    static final long SEED = 1;

    private final TrainingViewModel training;
    private final FramePlayer player;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();

    OpenedModelDemo(TrainingViewModel training, FramePlayer player, Executor ui) {
        this.training = training;
        this.player = player;
        this.work = new BackgroundWork(ui);
        training.stateProperty().addListener((obs, old, s) -> {
            if (s == SessionState.PAUSED && old == SessionState.STARTING && training.currentRun().runStart() != RunStart.ZERO) {
                play();
            } else if (s == SessionState.RUNNING && showing.get()) {
                // training goes on: its own frames take over from the demo at once
                showing.set(false);
                player.reset();
            } else if (s == SessionState.STARTING) {
                showing.set(false);
            }
        });
    }

    /** True while the canvas shows the opened model's greedy episode rather than training. */
    ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    private void play() {
        Hyperparameters hp = training.appliedProperty().get();
        // No demo is no loss (e.g. the session stopped meanwhile): the canvas stays as it is.
        work.then(training.currentRun().submit(view -> EpisodeRecorder.record(view.network(), EpisodeKind.GREEDY, SEED,
                hp.nSteps(), hp.gamma())), episode -> {
                    if (training.stateProperty().get() == SessionState.PAUSED) {
                        showing.set(true);
                        player.onFrames(frames(episode));
                    }
                }, error -> { });
    }

    private static List<WorkerFrame> frames(RecordedEpisode episode) {
        List<WorkerFrame> frames = new ArrayList<>(episode.length());
        for (EpisodeFrame f : episode.frames()) {
            frames.add(new WorkerFrame(f.state(), f.probRight(), f.value(), f.action(), f.reward(),
                    f.terminated(), f.truncated(), f.t(), f.gaussian()));
        }
        return frames;
    }
}
