package org.a2clab.ui.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.GroupCurve;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunCurves;
import org.a2clab.experiment.RunResult;
import org.a2clab.experiment.SettingsText;
import org.a2clab.stats.SeedStatistics;
import org.a2clab.train.Hyperparameters;

/**
 * What one overlay chart draws, built off the FX thread from copies of the runs' curves: a line
 * per run, or per group of seeds a median line with its 95% bootstrap band (and the seeds' own
 * lines thin, on request). Immutable.
 */
record Overlay(List<Line> lines, List<Shade> bands, double xMax) {
    record Line(String name, double[] x, double[] y, Color colour, double width) {
    }

    record Shade(String name, double[] x, double[] low, double[] high, Color colour) {
    }

    /** A run as the chart needs it: taken on the FX thread, read anywhere; {@code result} null until it finished. */
    record Source(String name, Color colour, Hyperparameters hp, RunCurves curves, RunResult result) {
    }

    /** The ticked runs that have settings (a damaged run has none), taken on the FX thread. */
    static List<Source> sources(List<RunRow> rows) {
        List<Source> sources = new ArrayList<>();
        for (RunRow row : rows) {
            if (row.overlayProperty().get() && row.record().hp() != null) {
                sources.add(new Source(row.nameProperty().get(), row.colour(), row.record().hp(), row.curves(),
                        row.record().result()));
            }
        }
        return sources;
    }

    static Overlay build(List<Source> runs, Metric metric, boolean group, boolean seeds) {
        List<Line> lines = new ArrayList<>();
        List<Shade> bands = new ArrayList<>();
        double xMax = 0;
        if (!group) {
            for (Source s : runs) {
                double[][] p = s.curves().curve(metric).points();
                lines.add(new Line(s.name(), p[0], p[1], s.colour(), 1.6));
                xMax = Math.max(xMax, end(p));
            }
            return new Overlay(lines, bands, xMax);
        }
        Map<String, List<Source>> groups = groups(runs);
        List<String> differing = SettingsText.differing(groups.values().stream().map(g -> g.get(0).hp()).toList());
        for (List<Source> members : groups.values()) {
            Color colour = members.get(0).colour();
            List<double[][]> curves = new ArrayList<>();
            for (Source s : members) {
                double[][] p = s.curves().curve(metric).points();
                curves.add(p);
                xMax = Math.max(xMax, end(p));
                if (seeds) {
                    lines.add(new Line("", p[0], p[1], colour.deriveColor(0, 1, 1, 0.45), 0.8));
                }
            }
            GroupCurve c = GroupCurve.of(curves, SeedStatistics::median);
            String name = groupName(members.get(0).hp(), differing) + " · median of " + members.size();
            bands.add(new Shade("", c.x(), c.low(), c.high(), colour));
            lines.add(new Line(name, c.x(), c.centre(), colour, 2.2));
        }
        return new Overlay(lines, bands, xMax);
    }

    /** Runs that differ only in the seed, by group key, in the order given. */
    static Map<String, List<Source>> groups(List<Source> runs) {
        Map<String, List<Source>> groups = new LinkedHashMap<>();
        for (Source s : runs) {
            groups.computeIfAbsent(Comparison.groupKey(s.hp()), k -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    static String groupName(Hyperparameters hp, List<String> differing) {
        Map<String, String> v = SettingsText.values(hp);
        List<String> parts = new ArrayList<>();
        for (String key : differing) {
            parts.add(SettingsText.setting(key, v.get(key)));
        }
        return parts.isEmpty() ? "all runs" : String.join(" · ", parts);
    }

    private static double end(double[][] p) {
        return p[0].length == 0 ? 0 : p[0][p[0].length - 1];
    }
}
