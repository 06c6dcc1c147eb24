package org.a2clab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.a2clab.experiment.GroupCurve;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunRecord;
import org.a2clab.experiment.RunScores;
import org.a2clab.experiment.SeedReport;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.experiment.Workspace;
import org.a2clab.stats.PerformanceProfile;
import org.a2clab.stats.SeedStatistics;

/** The sweep's PNG plots: each metric against the varied value, the learning and IQM curves, the performance profiles. */
final class SweepPlots {
    private SweepPlots() {
    }

    static void write(Path dir, String name, List<SweepCommand.Group> groups,
            List<List<TrainingRun.Outcome>> runs) throws IOException {
        int n = groups.size();
        String[] labels = new String[n];
        double[] x = new double[n];
        double[] steps = new double[n];
        double[] stepsLow = new double[n];
        double[] stepsHigh = new double[n];
        double[] iqm = new double[n];
        double[] iqmLow = new double[n];
        double[] iqmHigh = new double[n];
        for (int g = 0; g < n; g++) {
            labels[g] = groups.get(g).value();
            x[g] = g;
            steps[g] = stepsLow[g] = stepsHigh[g] = iqm[g] = iqmLow[g] = iqmHigh[g] = Double.NaN;
            if (runs.get(g).isEmpty()) {
                continue;
            }
            SeedReport r = SeedReport.of(runs.get(g));
            steps[g] = r.medianStepsToTarget();
            stepsLow[g] = r.medianStepsCi().low();
            stepsHigh[g] = r.medianStepsCi().high();
            iqm[g] = r.iqmFinalReturn();
            iqmLow[g] = r.iqmFinalReturnCi().low();
            iqmHigh[g] = r.iqmFinalReturnCi().high();
        }
        new Plot("median env steps to the target (95% CI; a bar to the top: unsolved runs) vs " + name, name, "env steps")
                .categorical(labels).add(new Plot.Series("median", x, steps, stepsLow, stepsHigh))
                .writePng(dir.resolve("steps_to_target.png"));
        new Plot("IQM of the final mean-100 return (95% CI) vs " + name, name, "return")
                .categorical(labels).add(new Plot.Series("IQM", x, iqm, iqmLow, iqmHigh))
                .writePng(dir.resolve("final_return.png"));

        List<List<double[][]>> curves = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            curves.add(curves(dir, name, labels[g], seeds(runs.get(g))));
        }
        bands(new Plot("mean return of the last 100 episodes: median over seeds, 95% CI band", "env steps",
                "mean-100 return"), name, labels, curves, SeedStatistics::median)
                .writePng(dir.resolve("learning_curves.png"));
        bands(new Plot("IQM of the mean-100 return over seeds, 95% CI band", "env steps", "mean-100 return"),
                name, labels, curves, SeedStatistics::iqm).writePng(dir.resolve("iqm_curves.png"));

        Plot profile = new Plot("performance profile: fraction of runs with final mean-100 return >= tau, 95% CI band",
                "tau (final mean-100 return)", "fraction of runs");
        double[] tau = PerformanceProfile.returnThresholds();
        for (int g = 0; g < n; g++) {
            if (!runs.get(g).isEmpty()) {
                PerformanceProfile p = PerformanceProfile.of(RunScores.ofOutcomes(runs.get(g)).finalReturns(), tau);
                profile.add(new Plot.Series(name + "=" + labels[g], p.tau(), p.fraction(), p.low(), p.high()));
            }
        }
        profile.writePng(dir.resolve("performance_profile.png"));
    }

    /**
     * The mean-100 curves of one value's finished runs, read back from their run folders as the
     * app reads an opened sweep, so the PNGs and the app's grouped charts draw the same band
     * ({@link GroupCurve}) from the same input.
     */
    static List<double[][]> curves(Path dir, String name, String value, long[] seeds) {
        Workspace sweep = new Workspace(dir);
        List<double[][]> curves = new ArrayList<>();
        for (long seed : seeds) {
            RunRecord run = sweep.read(SweepCommand.runDir(dir, name, value, seed));
            curves.add(run.curves().curve(Metric.MEAN_RETURN_100).points());
        }
        return curves;
    }

    private static long[] seeds(List<TrainingRun.Outcome> runs) {
        return runs.stream().mapToLong(o -> o.result().hp().seed()).toArray();
    }

    /** One line with its band per value that has finished runs. */
    private static Plot bands(Plot plot, String name, String[] labels, List<List<double[][]>> curves,
            ToDoubleFunction<double[]> statistic) {
        for (int g = 0; g < labels.length; g++) {
            if (curves.get(g).isEmpty()) {
                continue;
            }
            GroupCurve c = GroupCurve.of(curves.get(g), statistic);
            plot.add(new Plot.Series(name + "=" + labels[g], c.x(), c.centre(), c.low(), c.high()));
        }
        return plot;
    }
}
