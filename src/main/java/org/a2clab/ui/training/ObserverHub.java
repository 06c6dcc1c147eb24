package org.a2clab.ui.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.RolloutSnapshot;
import org.a2clab.train.UpdateStats;
import org.a2clab.train.WorkerFrame;

/** Hands a run's batches to every {@link TrainingObserver}, skipping empty ones. FX thread. */
final class ObserverHub {
    private final List<TrainingObserver> observers = new CopyOnWriteArrayList<>();

    void add(TrainingObserver observer) {
        observers.add(observer);
    }

    /**
     * A new run: every observer clears and learns its session, then sees an opened model's own
     * counters and curves, and its solve if it was solved (when is unknown: manifests keep no time).
     */
    void newRun(RunStart start, TrainingHandle run) {
        observers.forEach(TrainingObserver::reset);
        observers.forEach(o -> o.runStarted(run));
        for (TrainingObserver o : observers) {
            if (start != RunStart.ZERO) {
                o.onRunStart(start);
            }
            if (!start.updateHistory().isEmpty()) {
                o.onUpdates(start.updateHistory());
            }
            if (!start.episodeHistory().isEmpty()) {
                o.onEpisodes(start.episodeHistory());
            }
            if (start.solvedAtStep() >= 0) {
                o.onSolved(start.solvedAtStep(), Double.NaN);
            }
        }
    }

    /** Drains what {@code feed} gathered since the last pulse; returns the last update's env steps, or −1. */
    long deliver(LiveFeed feed) {
        List<UpdateStats> updates = feed.updates.drain();
        List<EpisodeStats> episodes = feed.episodes.drain();
        List<WorkerFrame> frames = feed.frames.drain();
        RolloutSnapshot snapshot = feed.snapshot.getAndSet(null);
        List<EvaluationReport> evaluations = feed.evaluations.drain();
        LiveFeed.Solved solved = feed.solved.getAndSet(null);
        for (TrainingObserver o : observers) {
            if (!updates.isEmpty()) {
                o.onUpdates(updates);
            }
            if (!episodes.isEmpty()) {
                o.onEpisodes(episodes);
            }
            if (!frames.isEmpty()) {
                o.onFrames(frames);
            }
            if (snapshot != null) {
                o.onSnapshot(snapshot);
            }
            evaluations.forEach(o::onEvaluation);
            if (solved != null) {
                o.onSolved(solved.envSteps(), solved.trainingSeconds());
            }
        }
        if (feed.solvedPause.getAndSet(false)) {
            observers.forEach(TrainingObserver::onSolvedPause);
        }
        return updates.isEmpty() ? -1 : updates.get(updates.size() - 1).envSteps();
    }

    void runEnded(TrainingHandle run) {
        observers.forEach(o -> o.runEnded(run));
    }

    void liveChange(LiveChange change) {
        observers.forEach(o -> o.onLiveChange(change));
    }
}
