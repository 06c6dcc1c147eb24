package org.a2clab.ui.inspector;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.a2clab.inspect.RecordedEpisode;
import org.a2clab.inspect.TrainingEpisodeTracker;
import org.a2clab.inspect.TrainingEpisodes;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.concurrent.BackgroundWork;

/** Turns the rendered worker's finished episodes into inspector episodes, at most one every 2 s. */
final class TrainingEpisodeCapture {
    /** Keep at most one training episode every 2 s: early episodes end many times a second. */
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final NetworkJobs jobs;
    private final BackgroundWork work;
    private final Supplier<Hyperparameters> hyperparameters;
    private final Consumer<RecordedEpisode> add;
    private final TrainingEpisodeTracker tracker = new TrainingEpisodeTracker();
    private volatile long lastTrainingEpisode = Long.MIN_VALUE / 2;

    TrainingEpisodeCapture(NetworkJobs jobs, BackgroundWork work, Supplier<Hyperparameters> hyperparameters,
            Consumer<RecordedEpisode> add) {
        this.jobs = jobs;
        this.work = work;
        this.hyperparameters = hyperparameters;
        this.add = add;
    }

    /** One pulse's batch of the rendered worker's frames (the FX thread, via the training observers). */
    void accept(List<WorkerFrame> frames) {
        List<List<WorkerFrame>> finished;
        synchronized (tracker) {
            finished = tracker.accept(frames);
        }
        if (finished.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastTrainingEpisode < INTERVAL_NANOS) {
            return;
        }
        lastTrainingEpisode = now;
        List<WorkerFrame> episode = finished.get(finished.size() - 1);
        Hyperparameters hp = hyperparameters.get();
        // A missed training episode is harmless (e.g. the session ended meanwhile): the next one comes.
        work.then(jobs.submit(net -> TrainingEpisodes.record(episode, net, hp.nSteps(), hp.gamma(), hp.gaeLambda())),
                add, error -> { });
    }
}
