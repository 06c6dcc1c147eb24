package org.a2clab.ui;

import static org.a2clab.ui.FxWait.fx;
import static org.a2clab.ui.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.a2clab.experiment.Comparison;
import org.a2clab.experiment.RunFolders;
import org.a2clab.stats.ProbabilityOfImprovement;
import org.a2clab.train.Hyperparameters;
import org.a2clab.ui.charts.LinePlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The comparison table against a baseline the user picks: P(better than baseline) on both
 * metrics, coloured only when its interval leaves out ½, its one-sentence tooltip, the CSV
 * export, and the Profiles view of the ticked groups. Runs are folders written by hand.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonBaselineWindowTest {
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");
    private static final Hyperparameters A = Hyperparameters.DEFAULTS.withLearningRate(1e-3);
    private static final Hyperparameters B = Hyperparameters.DEFAULTS.withLearningRate(3e-3);
    private static final Hyperparameters C = Hyperparameters.DEFAULTS.withLearningRate(5e-3);
    private static final String P_STEPS = "P(better than baseline): steps [95% CI]";
    private static final String P_RETURN = "P(better than baseline): return [95% CI]";

    @TempDir
    static Path shared;

    private final ExperimentsWindowTest.Scripted asked = new ExperimentsWindowTest.Scripted();
    private ExecutorService control;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        Path ws = Files.createTempDirectory(shared, "ws");
        // a: slow; b: faster than a in every pair, higher returns too; c: interleaved with a
        long[][] steps = {{200_000, 220_000, 240_000}, {80_000, 90_000, 100_000}, {150_000, 230_000, 300_000}};
        double[][] finals = {{476, 477, 478}, {480, 481, 482}, {476.5, 477.5, 300}};
        Hyperparameters[] hp = {A, B, C};
        String[] names = {"a", "b", "c"};
        for (int g = 0; g < 3; g++) {
            for (int s = 0; s < 3; s++) {
                RunFolders.finished(ws.resolve(names[g] + "/seed-" + (s + 1)), hp[g].withSeed(s + 1), finals[g][s] >= 475,
                        steps[g][s], finals[g][s], 5, 10);
            }
        }
        control = Executors.newSingleThreadExecutor();
        window = TestWindow.show(stage, new MainWindow(new TrackingSessions(), control, null, asked, ws), 1024, 700);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(window, control);
    }

    @Test
    void theChosenBaselineGivesEveryOtherRowItsColouredProbabilityOfImprovementAndTheProfilesShowTheGroups(
            FxRobot robot) throws Exception {
        robot.clickOn("Experiments");
        @SuppressWarnings("unchecked")
        TableView<Comparison.Group> table = fx(() -> (TableView<Comparison.Group>) window.root().lookup("#comparison-table"));
        waitUntil(() -> table.getItems().size() == 3 && table.getItems().stream().noneMatch(g -> g.report() == null));

        // the first row is the baseline until another is chosen
        assertEquals("baseline", cellText(table, P_STEPS, 0));
        // b against a: fewer steps and higher returns in all 9 pairs, in every resample: 1 [1, 1], green
        assertEquals("1.00 [1.00, 1.00]", cellText(table, P_STEPS, 1));
        assertEquals("1.00 [1.00, 1.00]", cellText(table, P_RETURN, 1));
        assertEquals(List.of(true, false), verdict(table, P_STEPS, 1));
        // c against a on steps: 150k beats all three, 230k beats 240k, the unsolved run none → 4/9, not decided
        double pc = ProbabilityOfImprovement.of(new double[] {150_000, 230_000, Double.POSITIVE_INFINITY},
                new double[] {200_000, 220_000, 240_000}, ProbabilityOfImprovement.Better.LOWER);
        assertEquals(4.0 / 9, pc, 1e-12);
        assertTrue(cellText(table, P_STEPS, 2).startsWith("0.44 ["), cellText(table, P_STEPS, 2));
        assertEquals(List.of(false, false), verdict(table, P_STEPS, 2), "its interval holds ½: no colour");
        String tip = fx(() -> cell(table, P_STEPS, 1).getTooltip().getText());
        assertTrue(tip.startsWith("The chance that a run of this row, drawn at random, has fewer env steps"), tip);
        assertEquals(1, tip.split("\\. ").length, "one sentence: " + tip);
        assertTrue(tip.endsWith("."), tip);

        // choose b as the baseline: a is now worse than it in every pair, red
        RadioButton bChoice = fx(() -> (RadioButton) cell(table, "baseline", 1).getGraphic());
        robot.clickOn(bChoice);
        waitUntil(() -> table.getItems().get(1).baseline() && "baseline".equals(cell(table, P_RETURN, 1).getText())
                && "0.00 [0.00, 0.00]".equals(cell(table, P_STEPS, 0).getText()));
        assertEquals(List.of(false, true, false), fx(() -> table.getItems().stream().map(Comparison.Group::baseline).toList()));
        assertEquals(List.of(false, true), verdict(table, P_STEPS, 0));
        assertTrue(fx(() -> ((RadioButton) cell(table, "baseline", 1).getGraphic()).isSelected()));
        assertFalse(fx(() -> ((RadioButton) cell(table, "baseline", 0).getGraphic()).isSelected()));

        // Export CSV carries the comparison with b
        Path csv = shared.resolve("comparison-" + System.nanoTime() + ".csv");
        asked.save.set(csv);
        robot.clickOn("#export-csv");
        waitUntil(() -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).contains(",baseline,p_faster_than_baseline,p_faster_ci_low,p_faster_ci_high,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1e-3,") && lines.get(1).contains(",false,0,0,0,0,0,0,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3e-3,") && lines.get(2).endsWith(",true,,,,,,,,"), lines.get(2));

        // the Profiles view: a performance profile and an IQM curve with its band per group
        assertFalse(fx(() -> window.root().lookup("#profiles-view").isVisible()));
        robot.clickOn("#show-profiles");
        LinePlot profile = fx(() -> (LinePlot) window.root().lookup("#performance-profile"));
        LinePlot iqm = fx(() -> (LinePlot) window.root().lookup("#iqm-curves"));
        waitUntil(() -> profile.traces().size() == 3 && profile.bands().size() == 3 && iqm.traces().size() == 3
                && iqm.bands().size() == 3);
        assertEquals(List.of("α 1e-3 · 3 finished", "α 3e-3 · 3 finished", "α 5e-3 · 3 finished"),
                fx(() -> profile.traces().stream().map(t -> t.name()).toList()));
        assertEquals("α 3e-3 · IQM of 3", fx(() -> iqm.traces().get(1).name()));
        assertTrue(fx(() -> window.root().lookup("#profiles-view").isVisible()));
        waitUntil(() -> !profile.traces().get(0).data().isEmpty());
        Screenshots.save(window.root(), "experiments-profiles-1024x700.png");

        // Export PNG: the charts as shown, the profiles' row included
        Path png = shared.resolve("charts-" + System.nanoTime() + ".png");
        asked.save.set(png);
        robot.clickOn("#export-png");
        waitUntil(() -> Files.exists(png));
        double overlayBottom = fx(() -> window.root().lookup("#overlay-returns").getBoundsInParent().getMaxY());
        double height = javax.imageio.ImageIO.read(png.toFile()).getHeight();
        assertTrue(height > overlayBottom + 50, "the PNG is " + height + " px high, the overlay row ends at " + overlayBottom);
    }

    @SuppressWarnings("unchecked")
    private static TableCell<Comparison.Group, ?> cell(TableView<Comparison.Group> table, String column, int row) {
        for (Node n : table.lookupAll(".table-cell")) {
            TableCell<Comparison.Group, ?> c = (TableCell<Comparison.Group, ?>) n;
            if (c.getTableColumn() != null && c.getTableColumn().getText().equals(column) && c.getIndex() == row
                    && !c.isEmpty()) {
                return c;
            }
        }
        throw new AssertionError("no cell " + column + " in row " + row);
    }

    private static String cellText(TableView<Comparison.Group> table, String column, int row) {
        return fx(() -> cell(table, column, row).getText());
    }

    /** {coloured better, coloured worse}. */
    private static List<Boolean> verdict(TableView<Comparison.Group> table, String column, int row) {
        return fx(() -> {
            var states = cell(table, column, row).getPseudoClassStates();
            return List.of(states.contains(BETTER), states.contains(WORSE));
        });
    }

    /** Issue 20.3: at 1920×1080 the columns spread over the table; at 1024×700 none is squeezed below its width. */
    @Test
    void theColumnsUseAWideWindowAndKeepTheirWidthsInANarrowOne(FxRobot robot) throws Exception {
        robot.clickOn("Experiments");
        @SuppressWarnings("unchecked")
        TableView<Comparison.Group> table = fx(() -> (TableView<Comparison.Group>) window.root().lookup("#comparison-table"));
        waitUntil(() -> table.getItems().size() == 3 && table.getColumns().size() > 8);
        waitUntil(() -> fx(() -> table.getColumns().stream().allMatch(c -> c.getWidth() >= c.getMinWidth() - 0.5)));
        fx(() -> {
            stage.setWidth(1920);
            stage.setHeight(1080);
            return null;
        });
        waitUntil(() -> fx(() -> table.getWidth() > 1800));
        waitUntil(() -> fx(() -> table.getWidth() - columnsWidth(table) < 30));
        assertTrue(fx(() -> table.getWidth() - columnsWidth(table)) < 30, "the columns fill the wide table");
        fx(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
            return null;
        });
        waitUntil(() -> fx(() -> table.getWidth() < 1024));
        waitUntil(() -> fx(() -> table.getColumns().stream().allMatch(c -> c.getWidth() >= c.getMinWidth() - 0.5)));
        assertTrue(fx(() -> columnsWidth(table)) > fx(table::getWidth), "a narrow window scrolls sideways");
    }

    private static double columnsWidth(TableView<?> table) {
        return table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
    }
}
