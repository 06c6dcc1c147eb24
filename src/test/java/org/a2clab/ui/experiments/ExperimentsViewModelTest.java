package org.a2clab.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.scene.paint.Color;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.Metric;
import org.a2clab.experiment.RunFolders;
import org.a2clab.experiment.RunState;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiments tab's model without the FX thread: disk work and results run inline. */
class ExperimentsViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private static final Hyperparameters A = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
    private static final Hyperparameters B = Hyperparameters.DEFAULTS.withLearningRate(3e-3);

    @TempDir
    Path tmp;

    private ExperimentsViewModel opened() throws IOException {
        RunFolders.finished(tmp.resolve("a/seed-1"), A.withSeed(1), true, 100_000, 480, 10, 20);
        RunFolders.finished(tmp.resolve("a/seed-2"), A.withSeed(2), false, 200_000, 150, 20, 20);
        RunFolders.finished(tmp.resolve("b/seed-1"), B.withSeed(1), true, 60_000, 490, 6, 20);
        RunFolders.finished(tmp.resolve("b/seed-2"), B.withSeed(2), true, 80_000, 481, 8, 20);
        Files.createDirectories(tmp.resolve("b/seed-3"));
        ExperimentsViewModel vm = new ExperimentsViewModel(INLINE, INLINE);
        vm.open(tmp);
        return vm;
    }

    private RunRow row(ExperimentsViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRunWithNameStateStepsAndResultAndTheDamagedOneWithItsReason() throws IOException {
        ExperimentsViewModel vm = opened();
        assertEquals(5, vm.rows().size());
        RunRow a1 = row(vm, "a/seed-1");
        assertEquals("α 1e-3 · seed 1", a1.nameProperty().get());
        assertEquals("finished", a1.stateTextProperty().get());
        assertEquals(100_000, a1.stepsProperty().get());
        assertEquals("solved at 100,000 steps · mean-100 480.0", a1.resultProperty().get());
        assertEquals("not solved · mean-100 150.0", row(vm, "a/seed-2").resultProperty().get());
        RunRow damaged = row(vm, "b/seed-3");
        assertEquals(RunState.DAMAGED, damaged.stateProperty().get());
        assertTrue(damaged.resultProperty().get().startsWith("damaged: no result.json"), damaged.resultProperty().get());
        assertTrue(vm.messageProperty().get().contains("5 runs") && vm.messageProperty().get().contains("1 damaged"));
    }

    @Test
    void theTableHasOneRowPerGroupOfTickedRunsWithTheirStatistics() throws IOException {
        ExperimentsViewModel vm = opened();
        List<Comparison.Group> groups = vm.comparison();
        assertEquals(2, groups.size(), "the damaged run is left out");
        assertEquals(List.of("lr"), Comparison.differingKeys(groups));
        assertEquals(0.5, groups.get(0).report().solvedFraction());
        assertEquals(Double.POSITIVE_INFINITY, groups.get(0).report().medianStepsToTarget(),
                "one of two unsolved: the median of {100k, ∞} is ∞");
        assertEquals(70_000, groups.get(1).report().medianStepsToTarget());
        assertEquals(7, groups.get(1).medianWallSeconds());

        row(vm, "b/seed-1").overlayProperty().set(false);
        row(vm, "b/seed-2").overlayProperty().set(false);
        assertEquals(1, vm.comparison().size());
        assertEquals(2, vm.comparison().get(0).runs().size());
    }

    @Test
    void aRunKeepsItsColourAfterARestartEvenWhenANewRunSortsBeforeIt() throws IOException {
        RunFolders.appRun(tmp.resolve("m/seed-1"), A.withSeed(1));
        RunFolders.appRun(tmp.resolve("n/seed-1"), B.withSeed(1));
        ExperimentsViewModel first = new ExperimentsViewModel(INLINE, INLINE);
        first.open(tmp);
        Color m = row(first, "m/seed-1").colour();
        Color n = row(first, "n/seed-1").colour();
        assertNotEquals(m, n);
        assertTrue(Files.readString(tmp.resolve("m/seed-1/run.json")).contains("\"colour\""), "kept in run.json");

        // the app closes; a run that lists first (and would take the first colour) appears meanwhile
        RunFolders.appRun(tmp.resolve("a/seed-1"), A.withSeed(2));
        ExperimentsViewModel again = new ExperimentsViewModel(INLINE, INLINE);
        again.open(tmp);
        assertEquals(m, row(again, "m/seed-1").colour());
        assertEquals(n, row(again, "n/seed-1").colour());
        Color a = row(again, "a/seed-1").colour();
        assertNotEquals(m, a);
        assertNotEquals(n, a);
    }

    @Test
    void aSweepFolderWithoutRunJsonIsNotWrittenToForItsColour() throws IOException {
        RunFolders.finished(tmp.resolve("s/seed-1"), A.withSeed(1), true, 100_000, 480, 10, 5);
        ExperimentsViewModel vm = new ExperimentsViewModel(INLINE, INLINE);
        vm.open(tmp);
        assertEquals(1, vm.rows().size());
        assertFalse(Files.exists(tmp.resolve("s/seed-1/run.json")));
    }

    @Test
    void anExperimentRunThatNeverStartedKeepsItsColourAndReadsAsStoppedNotDamaged() throws IOException {
        Path dir = tmp.resolve("x/seed-1");
        org.a2clab.experiment.RunSettings settings = new org.a2clab.experiment.RunSettings(A,
                new org.a2clab.train.StopRule(1000, 475), 0, 1);
        new org.a2clab.experiment.Workspace(tmp).keepColour(dir, 5, settings);
        ExperimentsViewModel vm = new ExperimentsViewModel(INLINE, INLINE);
        vm.open(tmp);
        assertEquals(RunState.STOPPED, row(vm, "x/seed-1").stateProperty().get());
        assertEquals(RunColours.colour(5), row(vm, "x/seed-1").colour());
    }

    @Test
    void tableCellsSortByTheirNumberNotTheirText() {
        List<ComparisonTable.Value> cells = new java.util.ArrayList<>(List.of(
                new ComparisonTable.Value("∞ [80,520, ∞]", Double.POSITIVE_INFINITY),
                new ComparisonTable.Value("114,480 [100,200, 128,800]", 114_480),
                new ComparisonTable.Value("81,680 [73,840, 108,120]", 81_680)));
        java.util.Collections.sort(cells);
        assertEquals(List.of("81,680 [73,840, 108,120]", "114,480 [100,200, 128,800]", "∞ [80,520, ∞]"),
                cells.stream().map(ComparisonTable.Value::toString).toList());
    }

    @Test
    void coloursAreDistinctForTwentyRunsAndStayWithTheirRun() {
        RunColours colours = new RunColours();
        Set<Color> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(colours.of("run-" + i));
        }
        assertEquals(20, seen.size());
        assertEquals(colours.of("run-3"), colours.of("run-3"));
        Color twentyFirst = colours.of("run-20");
        assertEquals(colours.of("run-0"), twentyFirst, "after 20 runs the palette repeats in order");
        assertNotEquals(colours.of("run-21"), twentyFirst);
    }

    @Test
    void aRunKeepsItsColourWhenTheFolderIsReadAgainAndAfterOthersAreDeleted() throws IOException {
        ExperimentsViewModel vm = opened();
        Color b2 = row(vm, "b/seed-2").colour();
        vm.delete(java.util.List.of(row(vm, "a/seed-1")));
        assertFalse(Files.exists(tmp.resolve("a/seed-1")));
        vm.open(tmp);
        assertEquals(4, vm.rows().size());
        assertEquals(b2, row(vm, "b/seed-2").colour());
    }

    @Test
    void renameShowsTheNameAndKeepsItOnDisk() throws IOException {
        ExperimentsViewModel vm = opened();
        vm.rename(row(vm, "a/seed-2"), "slow one");
        assertEquals("slow one", row(vm, "a/seed-2").nameProperty().get());
        ExperimentsViewModel again = new ExperimentsViewModel(INLINE, INLINE);
        again.open(tmp);
        assertEquals("slow one", row(again, "a/seed-2").nameProperty().get());
    }

    @Test
    void renameTouchesRunJsonOnlyAndKeepsTheCurvesAlreadyRead() throws IOException {
        ExperimentsViewModel vm = opened();
        RunRow row = row(vm, "a/seed-2");
        org.a2clab.experiment.RunCurves curves = row.curves();
        assertEquals(20, curves.curve(Metric.MEAN_RETURN_100).size());
        // after the scan metrics.jsonl becomes unreadable: a rename that read it again would mark the run damaged
        Path metrics = tmp.resolve("a/seed-2").resolve(org.a2clab.experiment.RunFolder.METRICS);
        Files.delete(metrics);
        Files.createDirectory(metrics);
        vm.rename(row, "slow one");
        assertEquals("slow one", row.nameProperty().get());
        assertEquals(RunState.FINISHED, row.stateProperty().get());
        assertTrue(row.curves() == curves, "the row keeps the curves it had");
        Files.delete(metrics);
        assertEquals("slow one", new org.a2clab.experiment.Workspace(tmp).scan().stream()
                .filter(r -> r.id().equals("a/seed-2")).findFirst().orElseThrow().name());
    }

    @Test
    void groupedChartsDrawOneMedianLineAndBandPerGroupAndThinUnnamedSeedLines() throws IOException {
        ExperimentsViewModel vm = opened();
        List<Overlay.Source> sources = vm.rows().stream().filter(r -> r.record().hp() != null)
                .map(r -> new Overlay.Source(r.nameProperty().get(), r.colour(), r.record().hp(), r.curves(),
                        r.record().result())).toList();
        Overlay plain = Overlay.build(sources, Metric.MEAN_RETURN_100, false, false);
        assertEquals(4, plain.lines().size());
        assertEquals(200_000, plain.xMax());
        Overlay grouped = Overlay.build(sources, Metric.MEAN_RETURN_100, true, false);
        assertEquals(2, grouped.lines().size());
        assertEquals(2, grouped.bands().size());
        assertEquals("α 1e-3 · median of 2", grouped.lines().get(0).name());
        assertEquals(row(vm, "a/seed-1").colour(), grouped.lines().get(0).colour());
        Overlay withSeeds = Overlay.build(sources, Metric.MEAN_RETURN_100, true, true);
        assertEquals(6, withSeeds.lines().size());
        assertEquals(4, withSeeds.lines().stream().filter(l -> l.name().isEmpty()).count());
    }
}
