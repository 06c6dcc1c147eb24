package org.a2clab.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.a2clab.agent.PolicyKind;

/**
 * The held-out results of auto α over the slider grid, workers × n (README, "Auto α"), one table
 * per policy as the measurement wrote it ({@code measured-grid.csv}, {@code
 * measured-grid-gaussian.csv}): per cell α, the held-out seeds (e.g. "4001-4010"), how many solved
 * within the table's budget, and the median env steps to solve with its 95% bootstrap interval. A
 * cell missing from the file was not measured; a row that does not parse counts as missing.
 */
public final class MeasuredGrid {
    /** Each policy's table and the env steps each of its held-out runs had (the Gaussian one 1M, as its tuning). */
    private static final Map<PolicyKind, Source> SOURCES = Map.of(
            PolicyKind.CATEGORICAL, new Source("measured-grid.csv", 400_000),
            PolicyKind.GAUSSIAN, new Source("measured-grid-gaussian.csv", 1_000_000));
    /** The measured-good region: at least this fraction solved … */
    public static final double GOOD_SOLVED_FRACTION = 0.9;
    /** … with a median of at most this many env steps (the targets). */
    public static final double GOOD_MEDIAN_ENV_STEPS = 150_000;

    private static final List<String> COLUMNS = List.of("workers", "n_steps", "lr", "seeds", "solved",
            "median_env_steps", "ci95_lo", "ci95_hi");
    private static final Map<PolicyKind, MeasuredGrid> BUNDLED = new EnumMap<>(PolicyKind.class);

    private record Source(String resource, long budgetEnvSteps) {
    }

    /** One measured cell; a median or bound that the runs did not reach is +∞. */
    public record Cell(int workers, int nSteps, double learningRate, int seeds, int solved,
            double medianEnvSteps, double ci95Lo, double ci95Hi) {
        public boolean good() {
            return solved >= GOOD_SOLVED_FRACTION * seeds && medianEnvSteps <= GOOD_MEDIAN_ENV_STEPS;
        }
    }

    private final Map<List<Integer>, Cell> cells;
    private final int skippedRows;
    private final long budgetEnvSteps;

    private MeasuredGrid(Map<List<Integer>, Cell> cells, int skippedRows, long budgetEnvSteps) {
        this.cells = Collections.unmodifiableMap(cells);
        this.skippedRows = skippedRows;
        this.budgetEnvSteps = budgetEnvSteps;
    }

    /** The table of {@code policy} shipped with A2C Lab; empty if its resource is absent. */
    public static synchronized MeasuredGrid bundled(PolicyKind policy) {
        MeasuredGrid grid = BUNDLED.get(policy);
        if (grid == null) {
            Source source = SOURCES.get(policy);
            try (InputStream in = MeasuredGrid.class.getResourceAsStream(source.resource())) {
                grid = parse(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8), source.budgetEnvSteps());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BUNDLED.put(policy, grid);
        }
        return grid;
    }

    /**
     * Reads the CSV: a header naming the columns (in any order), then one row per cell, each run of
     * which had {@code budgetEnvSteps} env steps.
     */
    public static MeasuredGrid parse(String csv, long budgetEnvSteps) {
        Map<List<Integer>, Cell> cells = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\r?\n")));
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            return new MeasuredGrid(cells, 0, budgetEnvSteps);
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s*,\\s*"));
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = header.indexOf(COLUMNS.get(i));
        }
        int skipped = 0;
        for (String line : lines.subList(1, lines.size())) {
            try {
                String[] f = line.trim().split("\\s*,\\s*", -1);
                Cell c = new Cell(Integer.parseInt(f[at[0]]), Integer.parseInt(f[at[1]]), Double.parseDouble(f[at[2]]),
                        seedCount(f[at[3]]), Integer.parseInt(f[at[4]]), steps(f[at[5]]), steps(f[at[6]]),
                        steps(f[at[7]]));
                if (c.solved() < 0 || c.solved() > c.seeds()) {
                    throw new IllegalArgumentException("solved outside 0.." + c.seeds());
                }
                cells.put(List.of(c.workers(), c.nSteps()), c);
            } catch (RuntimeException e) {
                // a short row, a missing column or a number that is not one: this cell is not measured
                skipped++;
            }
        }
        return new MeasuredGrid(cells, skipped, budgetEnvSteps);
    }

    /** How many seeds a field names: "4001-4010" (a range, as the measurement writes), or seeds and ranges separated by ';' or spaces. */
    static int seedCount(String field) {
        int count = 0;
        for (String item : field.trim().split("[;\\s]+")) {
            int dash = item.indexOf('-', 1);
            if (dash < 0) {
                Long.parseLong(item);
                count++;
            } else {
                long from = Long.parseLong(item.substring(0, dash));
                long to = Long.parseLong(item.substring(dash + 1));
                if (to < from || to - from >= Integer.MAX_VALUE - count) {
                    throw new NumberFormatException("seed range " + item);
                }
                count += (int) (to - from + 1);
            }
        }
        return count;
    }

    /** Env steps; an empty field, "inf" or "null" (a median the runs never reached) is +∞. */
    private static double steps(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (f.isEmpty() || f.equals("inf") || f.equals("infinity") || f.equals("null") || f.equals("never")) {
            return Double.POSITIVE_INFINITY;
        }
        double v = Double.parseDouble(f);
        if (Double.isNaN(v)) {
            throw new NumberFormatException("NaN env steps");
        }
        return v;
    }

    public Optional<Cell> cell(int workers, int nSteps) {
        return Optional.ofNullable(cells.get(List.of(workers, nSteps)));
    }

    /** Every measured cell, by workers then n. */
    public List<Cell> cells() {
        return List.copyOf(cells.values());
    }

    /** The workers that have at least one measured cell, ascending. */
    public List<Integer> workers() {
        TreeSet<Integer> out = new TreeSet<>();
        cells.values().forEach(c -> out.add(c.workers()));
        return List.copyOf(out);
    }

    /** The n that have at least one measured cell, ascending. */
    public List<Integer> nSteps() {
        TreeSet<Integer> out = new TreeSet<>();
        cells.values().forEach(c -> out.add(c.nSteps()));
        return List.copyOf(out);
    }

    /** Env steps each run of this table had: "solved within" this; an unsolved run counts as +∞. */
    public long budgetEnvSteps() {
        return budgetEnvSteps;
    }

    /** Rows that did not parse (0 for a well-formed file). */
    public int skippedRows() {
        return skippedRows;
    }
}
