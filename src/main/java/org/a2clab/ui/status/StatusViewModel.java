package org.a2clab.ui.status;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.a2clab.train.BestCheckpoint;
import org.a2clab.train.EvaluationReport;
import org.a2clab.train.UpdateStats;
import org.a2clab.ui.training.RunStart;
import org.a2clab.ui.training.TrainingObserver;

/**
 * The run's counters for the status bar. "Solved" is the run's solved event
 * ({@link TrainingObserver#onSolved}: ≥ 100 episodes of the session, mean of the last 100 ≥ 475,
 * or an opened model's own solve), the one the exported manifest's {@code solved} and
 * {@code solved_at_step} and the run's result.json take too; it stays until the next run.
 */
public final class StatusViewModel implements TrainingObserver {
    // Properties
    private final ReadOnlyLongWrapper envSteps = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper episodes = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper trainingSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper meanReturn = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper learningRate = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<BestCheckpoint.Point> bestEvaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper evaluationShare = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyBooleanWrapper solved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper solvedAtSteps = new ReadOnlyLongWrapper();
    /** Training seconds an opened model brought along: the session's own time starts there. */
    private double sessionStartSeconds;

    @Override
    public void reset() {
        envSteps.set(0);
        episodes.set(0);
        updates.set(0);
        stepsPerSecond.set(0);
        trainingSeconds.set(0);
        meanReturn.set(Double.NaN);
        learningRate.set(Double.NaN);
        bestEvaluation.set(null);
        evaluationShare.set(Double.NaN);
        solved.set(false);
        solvedAtSteps.set(0);
        sessionStartSeconds = 0;
    }

    /** An opened model's own counters, until its curves or new updates say more. */
    @Override
    public void onRunStart(RunStart start) {
        envSteps.set(start.envSteps());
        episodes.set(start.episodes());
        updates.set(start.updates());
        trainingSeconds.set(start.trainingSeconds());
        meanReturn.set(start.meanReturnLast100());
        sessionStartSeconds = start.trainingSeconds();
    }

    @Override
    public void onUpdates(List<UpdateStats> batch) {
        UpdateStats u = batch.get(batch.size() - 1);
        envSteps.set(u.envSteps());
        episodes.set(u.episodes());
        updates.set(u.update());
        stepsPerSecond.set(u.stepsPerSecond());
        trainingSeconds.set(u.trainingSeconds());
        meanReturn.set(u.meanReturnLast100());
        learningRate.set(u.learningRate());
    }

    @Override
    public void onSolved(long envSteps, double seconds) {
        solvedAtSteps.set(envSteps);
        solved.set(true);
    }

    /**
     * A periodic greedy evaluation: the best so far, and what evaluating costs as a share of
     * training time (the session's seconds, from its start; an opened model's earlier training
     * is not counted).
     */
    @Override
    public void onEvaluation(EvaluationReport report) {
        bestEvaluation.set(report.best());
        double training = trainingSeconds.get() - sessionStartSeconds;
        evaluationShare.set(training > 0 ? report.evaluationSeconds() / training : Double.NaN);
    }

    public ReadOnlyLongProperty envStepsProperty() {
        return envSteps.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty episodesProperty() {
        return episodes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    /** Average env steps per second of training time (pauses excluded). */
    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    /** Training time, pauses excluded. */
    public ReadOnlyDoubleProperty trainingSecondsProperty() {
        return trainingSeconds.getReadOnlyProperty();
    }

    /** Mean return of the last 100 episodes; NaN before the first. */
    public ReadOnlyDoubleProperty meanReturnProperty() {
        return meanReturn.getReadOnlyProperty();
    }

    /** The α of the latest update, after the learning-rate schedule; NaN before the first. */
    public ReadOnlyDoubleProperty learningRateProperty() {
        return learningRate.getReadOnlyProperty();
    }

    /** The best greedy evaluation of this session so far; null before the first. */
    public ReadOnlyObjectProperty<BestCheckpoint.Point> bestEvaluationProperty() {
        return bestEvaluation.getReadOnlyProperty();
    }

    /** Evaluation time over training time (pauses excluded); NaN before the first evaluation. */
    public ReadOnlyDoubleProperty evaluationShareProperty() {
        return evaluationShare.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty solvedProperty() {
        return solved.getReadOnlyProperty();
    }

    /** Env steps at which the run was first solved. */
    public ReadOnlyLongProperty solvedAtStepsProperty() {
        return solvedAtSteps.getReadOnlyProperty();
    }
}
