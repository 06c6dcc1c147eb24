package org.a2clab.ui.training;

import java.util.List;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EpisodeStats;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.MetricsLog;
import org.a2clab.train.Summary;
import org.a2clab.train.TrainingResult;
import org.a2clab.train.TrainingStats;
import org.a2clab.train.UpdateStats;

/**
 * Where a run starts: from zero, or from an opened model's own training (its manifest's counters
 * and its metrics.csv curves). A continued session counts from zero again; its statistics are
 * shifted by these counters, so plots, status bar and the next export go on where the model was.
 *
 * @param solvedAtStep when the model's run was first solved, −1 if never
 * @param meanReturnLast100 the model's mean return at its export (NaN: unknown)
 */
public record RunStart(long updates, long envSteps, long episodes, double trainingSeconds,
        long solvedAtStep, double meanReturnLast100, List<UpdateStats> updateHistory,
        List<EpisodeStats> episodeHistory) {
    public static final RunStart ZERO = new RunStart(0, 0, 0, 0, -1, Double.NaN, List.of(), List.of());

    /** An opened model's start: its manifest's counters and, when the bundle had them, its curves. */
    public static RunStart of(TrainingResult trained, MetricsLog curves) {
        return new RunStart(trained.updates(), trained.envSteps(), trained.episodes(), trained.trainingSeconds(),
                trained.solvedAtStep(), trained.meanReturnLast100(),
                curves == null ? List.of() : List.copyOf(curves.updates()),
                curves == null ? List.of() : List.copyOf(curves.episodes()));
    }

    /**
     * The run's result from a session's own counters {@code now}: counted on from this start, its
     * mean too until the session finishes an episode. "Solved" is the status bar's badge: the run
     * met the rule at {@code solvedAt} (−1: never), though the mean may have fallen since; the badge
     * keeps no time, so the solve's training time is unknown (NaN): manifests do not record it.
     */
    public TrainingResult result(TrainingStats now, Hyperparameters hp, long solvedAt) {
        double mean = now.episodes() > 0 ? now.meanReturnLast100() : meanReturnLast100;
        return new TrainingResult(solvedAt >= 0, envSteps + now.envSteps(), updates + now.updates(),
                episodes + now.episodes(), trainingSeconds + now.trainingSeconds(), mean, now.device(), hp, solvedAt,
                Double.NaN);
    }

    UpdateStats shift(UpdateStats u) {
        if (this == ZERO) {
            return u;
        }
        Summary p = u.probRight();
        return new UpdateStats(u.update() + updates, u.envSteps() + envSteps, u.episodes() + episodes,
                u.policyLoss(), u.valueLoss(), u.entropy(), u.totalLoss(), u.explainedVariance(), u.gradNorm(),
                u.learningRate(), p, u.value(), u.nStepReturn(), u.advantage(), u.meanReturnLast100(),
                u.stepsPerSecond(), u.trainingSeconds() + trainingSeconds, u.actionMean(), u.actionStd());
    }

    EvaluationReport shift(EvaluationReport r) {
        if (this == ZERO) {
            return r;
        }
        return new EvaluationReport(shift(r.point()), shift(r.best()), r.evaluationSeconds());
    }

    /** A session's evaluation step, counted on from the opened model's. */
    public BestCheckpoint.Point shift(BestCheckpoint.Point p) {
        return new BestCheckpoint.Point(p.envSteps() + envSteps, p.meanReturn());
    }

    EpisodeStats shift(EpisodeStats e) {
        if (this == ZERO) {
            return e;
        }
        return new EpisodeStats(e.index() + episodes, e.worker(), e.episodeReturn(), e.length(), e.terminated(),
                e.truncated(), e.envSteps() + envSteps);
    }
}
