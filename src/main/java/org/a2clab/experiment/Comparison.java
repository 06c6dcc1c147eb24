package org.a2clab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.a2clab.stats.Bootstrap;
import org.a2clab.stats.ProbabilityOfImprovement;
import org.a2clab.stats.SeedStatistics;
import org.a2clab.train.Hyperparameters;

/**
 * Runs grouped by settings that differ only in the seed, with the statistics DESIGN §6 asks for
 * per group: solved %, median env steps to the target and IQM of the final mean-100 return, each
 * with its 95% bootstrap interval, and the median wall time. Only finished runs count; damaged
 * ones are left out.
 */
public final class Comparison {
    /**
     * One group: its runs in the order given, the statistics over the finished ones ({@code report}
     * and {@code scores} null without any), whether it is the baseline, and else how it compares
     * with the baseline ({@code versus} null for the baseline and when either has no finished run).
     */
    public record Group(String key, Hyperparameters settings, List<RunRecord> runs, int finished,
            SeedReport report, double medianWallSeconds, RunScores scores, boolean baseline, Versus versus) {
        public long[] seeds() {
            return runs.stream().mapToLong(r -> r.hp().seed()).toArray();
        }
    }

    private Comparison() {
    }

    /** The key of a run's group: every setting but the seed. */
    public static String groupKey(Hyperparameters hp) {
        return SettingsText.values(hp).toString();
    }

    /** The groups with the first one as the baseline. */
    public static List<Group> of(List<RunRecord> runs) {
        return of(runs, null);
    }

    /**
     * The groups, each finished one compared with the group of key {@code baseline} (the first
     * group when that key is null or among none of them).
     */
    public static List<Group> of(List<RunRecord> runs, String baseline) {
        Map<String, List<RunRecord>> byKey = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            if (r.hp() != null) {
                byKey.computeIfAbsent(groupKey(r.hp()), k -> new ArrayList<>()).add(r);
            }
        }
        String base = byKey.containsKey(baseline) ? baseline : byKey.keySet().stream().findFirst().orElse(null);
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<RunRecord>> e : byKey.entrySet()) {
            List<RunRecord> members = e.getValue();
            List<RunRecord> done = members.stream().filter(r -> r.result() != null).toList();
            SeedReport report = null;
            RunScores scores = null;
            double wall = Double.NaN;
            if (!done.isEmpty()) {
                int n = done.size();
                long[] seeds = new long[n];
                boolean[] solved = new boolean[n];
                long[] steps = new long[n];
                double[] finals = new double[n];
                double[] walls = new double[n];
                for (int i = 0; i < n; i++) {
                    RunResult res = done.get(i).result();
                    seeds[i] = done.get(i).hp().seed();
                    solved[i] = res.solved();
                    // to the target: an app's run may have trained on past it
                    steps[i] = res.solvedAtSteps();
                    finals[i] = res.finalMeanReturn();
                    walls[i] = res.wallToTarget();
                }
                scores = RunScores.of(solved, steps, finals);
                report = SeedReport.of(seeds, scores);
                wall = SeedStatistics.median(walls);
            }
            groups.add(new Group(e.getKey(), members.get(0).hp(), members, done.size(), report, wall, scores,
                    e.getKey().equals(base), null));
        }
        Group baseGroup = groups.stream().filter(Group::baseline).findFirst().orElse(null);
        if (baseGroup == null || baseGroup.scores() == null) {
            return groups;
        }
        List<Group> compared = new ArrayList<>();
        for (Group g : groups) {
            compared.add(g.baseline() || g.scores() == null ? g : new Group(g.key(), g.settings(), g.runs(),
                    g.finished(), g.report(), g.medianWallSeconds(), g.scores(), false,
                    Versus.of(g.scores(), baseGroup.scores())));
        }
        return compared;
    }

    /** "0.83 [0.62, 0.97]"; "–" without an estimate. */
    public static String probability(ProbabilityOfImprovement.Estimate e) {
        if (e == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", e.p(), e.ci95().low(), e.ci95().high());
    }

    /** The setting keys that differ between groups (what the table shows and highlights). */
    public static List<String> differingKeys(List<Group> groups) {
        return SettingsText.differing(groups.stream().map(Group::settings).toList());
    }

    /** "12,345 [9,000, 20,000]"; "not solved" for +∞; "–" without finished runs. */
    public static String withInterval(double value, Bootstrap.Interval ci, int digits) {
        if (Double.isNaN(value) || ci == null) {
            return "–";
        }
        return format(value, digits) + " [" + format(ci.low(), digits) + ", " + format(ci.high(), digits) + "]";
    }

    static String format(double v, int digits) {
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return String.format(java.util.Locale.ROOT, digits == 0 ? "%,.0f" : "%,." + digits + "f", v);
    }
}
