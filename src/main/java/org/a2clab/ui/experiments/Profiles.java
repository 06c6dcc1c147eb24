package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.a2clab.experiment.GroupCurve;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunScores;
import org.a2clab.experiment.SettingsText;
import org.a2clab.stats.PerformanceProfile;
import org.a2clab.stats.SeedStatistics;

/**
 * What the Profiles view draws, per group of ticked runs (runs that differ only in the seed), as
 * rliable does: the performance profile of the finished runs' final mean-100 returns (fraction
 * of runs ≥ τ, τ 0 to 500) and the IQM of the mean-100 return against env steps, each with its
 * 95% bootstrap band. Built off the FX thread, one build at a time; a profile is recomputed only
 * when its group's finished results change (its band takes 2,000 resamples of 501 thresholds).
 */
final class Profiles {
    private Map<String, PerformanceProfile> cache = new HashMap<>();

    /** {profile, IQM curves}; the profile's x runs over τ. */
    Overlay[] build(List<Overlay.Source> runs) {
        Map<String, List<Overlay.Source>> groups = Overlay.groups(runs);
        List<String> differing = SettingsText.differing(groups.values().stream().map(g -> g.get(0).hp()).toList());
        List<Overlay.Line> profileLines = new ArrayList<>();
        List<Overlay.Shade> profileBands = new ArrayList<>();
        List<Overlay.Line> iqmLines = new ArrayList<>();
        List<Overlay.Shade> iqmBands = new ArrayList<>();
        Map<String, PerformanceProfile> kept = new HashMap<>();
        double xMax = 0;
        for (List<Overlay.Source> members : groups.values()) {
            Color colour = members.get(0).colour();
            String name = Overlay.groupName(members.get(0).hp(), differing);
            double[] finals = finalReturns(members);
            if (finals.length > 0) {
                String key = name + Arrays.toString(finals);
                PerformanceProfile p = cache.containsKey(key) ? cache.get(key)
                        : PerformanceProfile.of(finals, PerformanceProfile.returnThresholds());
                kept.put(key, p);
                profileBands.add(new Overlay.Shade("", p.tau(), p.low(), p.high(), colour));
                profileLines.add(new Overlay.Line(name + " · " + finals.length + " finished", p.tau(), p.fraction(),
                        colour, 2.2));
            }
            List<double[][]> curves = new ArrayList<>();
            for (Overlay.Source s : members) {
                double[][] c = s.curves().curve(Metric.MEAN_RETURN_100).points();
                curves.add(c);
                xMax = Math.max(xMax, c[0].length == 0 ? 0 : c[0][c[0].length - 1]);
            }
            GroupCurve c = GroupCurve.of(curves, SeedStatistics::iqm);
            iqmBands.add(new Overlay.Shade("", c.x(), c.low(), c.high(), colour));
            iqmLines.add(new Overlay.Line(name + " · IQM of " + members.size(), c.x(), c.centre(), colour, 2.2));
        }
        cache = kept;
        return new Overlay[] {new Overlay(profileLines, profileBands, 500), new Overlay(iqmLines, iqmBands, xMax)};
    }

    private static double[] finalReturns(List<Overlay.Source> members) {
        List<Overlay.Source> done = members.stream().filter(s -> s.result() != null).toList();
        boolean[] solved = new boolean[done.size()];
        long[] steps = new long[done.size()];
        double[] finals = new double[done.size()];
        for (int i = 0; i < done.size(); i++) {
            solved[i] = done.get(i).result().solved();
            steps[i] = done.get(i).result().solvedAtSteps();
            finals[i] = done.get(i).result().finalMeanReturn();
        }
        return RunScores.of(solved, steps, finals).finalReturns();
    }
}
