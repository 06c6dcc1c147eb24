package org.a2clab.experiment;

import java.util.List;
import org.a2clab.stats.SeedStatistics;

/**
 * A group's finished runs as the two numbers every comparison uses, one per run: env steps to
 * the target (+∞ for an unsolved run) and the final mean-100 return (0 for a run stopped before
 * its first episode ended: it has no return yet). {@code withReturn} counts the runs that finished
 * an episode, so a group where none did reports no return at all rather than 0.
 */
public record RunScores(double[] stepsToTarget, double[] finalReturns, int withReturn) {
    /** {@code envSteps}: each run's steps to the target (ignored for an unsolved run). */
    public static RunScores of(boolean[] solved, long[] envSteps, double[] finalReturns) {
        int n = solved.length;
        double[] steps = new double[n];
        double[] finals = new double[n];
        int withReturn = 0;
        for (int i = 0; i < n; i++) {
            steps[i] = SeedStatistics.stepsToTarget(solved[i], envSteps[i]);
            finals[i] = Double.isNaN(finalReturns[i]) ? 0 : finalReturns[i];
            withReturn += Double.isNaN(finalReturns[i]) ? 0 : 1;
        }
        return new RunScores(steps, finals, withReturn);
    }

    public static RunScores ofOutcomes(List<TrainingRun.Outcome> outcomes) {
        int n = outcomes.size();
        boolean[] solved = new boolean[n];
        long[] steps = new long[n];
        double[] finals = new double[n];
        for (int i = 0; i < n; i++) {
            solved[i] = outcomes.get(i).result().solved();
            steps[i] = outcomes.get(i).result().solvedAtStep();
            finals[i] = outcomes.get(i).result().meanReturnLast100();
        }
        return of(solved, steps, finals);
    }

    public int runs() {
        return stepsToTarget.length;
    }
}
