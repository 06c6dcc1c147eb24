package org.a2clab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.stats.Bootstrap;
import org.a2clab.stats.SeedStatistics;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void runsThatDifferOnlyInTheSeedFormOneGroupWithStatisticsOverTheirResults() throws IOException {
        Hyperparameters a = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
        Hyperparameters b = Hyperparameters.DEFAULTS.withLearningRate(3e-3);
        RunFolders.finished(tmp.resolve("a/seed-1"), a.withSeed(1), true, 100_000, 480, 10, 5);
        RunFolders.finished(tmp.resolve("a/seed-2"), a.withSeed(2), false, 300_000, 200, 30, 5);
        RunFolders.finished(tmp.resolve("a/seed-3"), a.withSeed(3), true, 150_000, 476, 20, 5);
        RunFolders.finished(tmp.resolve("b/seed-1"), b.withSeed(1), true, 60_000, 490, 6, 5);
        RunFolders.finished(tmp.resolve("b/seed-2"), b.withSeed(2), true, 80_000, 481, 8, 5);

        List<Comparison.Group> groups = Comparison.of(new Workspace(tmp).scan());
        assertEquals(2, groups.size());
        assertEquals(List.of("lr"), Comparison.differingKeys(groups));
        Comparison.Group ga = groups.get(0);
        assertEquals(3, ga.finished());
        assertEquals(2.0 / 3, ga.report().solvedFraction(), 1e-12);
        // unsolved counts as +∞: the median of {100k, 150k, ∞} is 150k
        assertEquals(150_000, ga.report().medianStepsToTarget());
        double[] steps = {100_000, Double.POSITIVE_INFINITY, 150_000};
        assertEquals(Bootstrap.ci95(steps, SeedStatistics::median), ga.report().medianStepsCi());
        assertEquals(SeedStatistics.iqm(new double[] {480, 200, 476}), ga.report().iqmFinalReturn(), 1e-9);
        assertEquals(20, ga.medianWallSeconds());
        assertEquals(70_000, groups.get(1).report().medianStepsToTarget());
        assertEquals(1.0, groups.get(1).report().solvedFraction());

        List<String> csv = ComparisonCsv.lines(groups);
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("lr,seeds,finished,solved_fraction,median_steps_to_target"), csv.get(0));
        assertTrue(csv.get(1).startsWith("1e-3,1 2 3,3,0.6667,150000,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("3e-3,1 2,2,1,70000,"), csv.get(2));
    }

    @Test
    void numbersReadShort() {
        assertEquals("2.5e-3", SettingsText.number(0.0025));
        assertEquals("0.98", SettingsText.number(0.98));
        assertEquals("1000000", SettingsText.number(1e6));
    }

    @Test
    void aGroupCurveIsTheMedianOverSeedsWithABandAroundItAndEndedRunsCarryTheirLastValue() {
        double[][] r1 = {{0, 100, 200}, {10, 20, 30}};
        double[][] r2 = {{0, 100}, {50, 60}};
        double[][] r3 = {{0, 100, 200}, {0, 0, 0}};
        GroupCurve c = GroupCurve.of(List.of(r1, r2, r3), 3, SeedStatistics::median);
        assertEquals(List.of(0.0, 100.0, 200.0), List.of(c.x()[0], c.x()[1], c.x()[2]));
        assertEquals(10, c.centre()[0]);
        assertEquals(20, c.centre()[1]);
        assertEquals(30, c.centre()[2], "r2 ended at 100 and counts with its last value, 60");
        for (int i = 0; i < 3; i++) {
            assertTrue(c.low()[i] <= c.centre()[i] && c.centre()[i] <= c.high()[i]);
        }
    }

    @Test
    void anIqmCurveTakesTheMiddleHalfAtEachPosition() {
        // at x = 100 the four runs hold 0, 10, 20, 1000: IQM = mean of 10 and 20
        List<double[][]> runs = List.of(new double[][] {{100}, {0}}, new double[][] {{100}, {10}},
                new double[][] {{100}, {20}}, new double[][] {{100}, {1000}});
        GroupCurve c = GroupCurve.of(runs, 1, SeedStatistics::iqm);
        assertEquals(15, c.centre()[0], 1e-12);
        assertEquals(Bootstrap.interval(new double[] {0, 10, 20, 1000}, SeedStatistics::iqm, 0.95, 1000,
                Bootstrap.SEED), new Bootstrap.Interval(c.low()[0], c.high()[0]));
    }

    @Test
    void everyGroupIsComparedWithTheChosenBaseline() throws IOException {
        Hyperparameters a = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
        Hyperparameters b = Hyperparameters.DEFAULTS.withLearningRate(3e-3);
        Hyperparameters c = Hyperparameters.DEFAULTS.withLearningRate(5e-3);
        RunFolders.finished(tmp.resolve("a/seed-1"), a.withSeed(1), true, 100_000, 480, 10, 5);
        RunFolders.finished(tmp.resolve("a/seed-2"), a.withSeed(2), false, 300_000, 200, 30, 5);
        RunFolders.finished(tmp.resolve("b/seed-1"), b.withSeed(1), true, 60_000, 490, 6, 5);
        RunFolders.finished(tmp.resolve("b/seed-2"), b.withSeed(2), true, 80_000, 481, 8, 5);
        RunFolders.finished(tmp.resolve("c/seed-1"), c.withSeed(1), false, 300_000, 100, 8, 5);
        List<RunRecord> runs = new Workspace(tmp).scan();

        List<Comparison.Group> first = Comparison.of(runs);
        assertTrue(first.get(0).baseline() && first.get(0).versus() == null, "the first group by default");
        // b against a on steps: {60k, 80k} vs {100k, ∞}: b is faster in all 4 pairs
        assertEquals(1.0, first.get(1).versus().faster().p());
        // final return {490, 481} vs {480, 200}: all 4 pairs higher
        assertEquals(1.0, first.get(1).versus().higherReturn().p());
        // c (one unsolved run) against a: ties a's unsolved run (½), loses to 100k → 0.25
        assertEquals(0.25, first.get(2).versus().faster().p());
        assertTrue(first.get(2).versus().seedsFaster().isEmpty(), "one run: no spread to extrapolate");

        List<Comparison.Group> byB = Comparison.of(runs, first.get(1).key());
        assertTrue(byB.get(1).baseline() && byB.get(1).versus() == null);
        assertEquals(0.0, byB.get(0).versus().faster().p(), "a against b now");
        assertEquals(Versus.of(byB.get(2).scores(), byB.get(1).scores()), byB.get(2).versus());

        List<String> csv = ComparisonCsv.lines(byB);
        assertTrue(csv.get(0).endsWith(",median_wall_s,baseline,p_faster_than_baseline,p_faster_ci_low,p_faster_ci_high,"
                + "p_higher_return_than_baseline,p_higher_return_ci_low,p_higher_return_ci_high,seeds_needed_faster,"
                + "seeds_needed_higher_return"), csv.get(0));
        assertTrue(csv.get(2).endsWith(",true,,,,,,,,"), csv.get(2));
        Versus v = byB.get(0).versus();
        assertTrue(csv.get(1).endsWith(String.format(java.util.Locale.ROOT, ",false,0,%s,%s,0,%s,%s,%s,%s",
                num(v.faster().ci95().low()), num(v.faster().ci95().high()), num(v.higherReturn().ci95().low()),
                num(v.higherReturn().ci95().high()), v.seedsFaster().getAsInt(), v.seedsHigherReturn().getAsInt())),
                csv.get(1));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    @Test
    void experimentPlansReadTypedValuesAndSeedsOrSayWhatIsWrong() {
        assertEquals(List.of(1e-3, 3e-3), ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.LEARNING_RATE, "1e-3, 3e-3"));
        assertEquals(List.of(0.0, 1.0), ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.NORMALIZE_ADVANTAGE, "false true"));
        assertEquals(List.of(1.0, 2.0), ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.LR_SCHEDULE,
                "linear, drop-on-solve"));
        assertEquals(List.of(0.0, 1.0), ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.POLICY,
                "categorical, Gaussian"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.POLICY, "beta"));
        assertEquals("policy: 'beta' is not a number or one of categorical, gaussian", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.LEARNING_RATE, "1e-3, fast"));
        assertEquals("lr: 'fast' is not a number", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.parseValues(org.a2clab.train.HyperparameterSpec.LEARNING_RATE, "0.5"));
        assertTrue(e.getMessage().contains("--lr must be in"), e.getMessage());
        assertEquals(List.of(7L, 8L, 9L), java.util.Arrays.stream(ExperimentPlan.parseSeeds("3", 7)).boxed().toList());
        assertEquals(List.of(1L, 4L, 9L), java.util.Arrays.stream(ExperimentPlan.parseSeeds("1, 4 9", 7)).boxed().toList());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ExperimentPlan.parseSeeds("1, 1", 7));
        assertEquals("seeds: 1 appears twice", e.getMessage());
    }
}
