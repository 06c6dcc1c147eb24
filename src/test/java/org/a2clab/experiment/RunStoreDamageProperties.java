package org.a2clab.experiment;

import org.a2clab.io.SpecialFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.a2clab.train.Hyperparameters;

/**
 * Random damage to the files of a workspace of several runs (issue 19): the scan never throws or
 * blocks, every run left alone is still read with its values, and a damaged run says why in plain
 * words.
 */
class RunStoreDamageProperties {
    private static final int RUNS = 4;
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withLearningRate(3e-3);

    enum RunFile {
        META(RunFolder.META), RESULT(RunFolder.RESULT), METRICS(RunFolder.METRICS);

        final String name;

        RunFile(String name) {
            this.name = name;
        }
    }

    enum Damage {
        TRUNCATE(false), RANDOM_BYTES(false), FLIPPED_BYTES(false), DEEP_NESTING(true), FIFO(true), DIRECTORY(true),
        LINK_TO_DEV_ZERO(true), DANGLING_LINK(true), HUGE_LINE(true);

        /** True if the run cannot be read after it, whatever the numbers. */
        final boolean alwaysDamages;

        Damage(boolean alwaysDamages) {
            this.alwaysDamages = alwaysDamages;
        }
    }

    /** One damage to one file of one run; {@code amount} and {@code seed} pick the bytes. */
    record Hit(int run, RunFile file, Damage damage, int amount, long seed) {
    }

    @Provide
    Arbitrary<Hit> hits() {
        return Combinators.combine(Arbitraries.integers().between(0, RUNS - 1), Arbitraries.of(RunFile.class),
                Arbitraries.of(Damage.class), Arbitraries.integers().between(0, 100_000), Arbitraries.longs())
                .as(Hit::new);
    }

    @Property(tries = 200)
    void damageToAnyRunFileNeverStopsTheScanNorHidesTheOtherRuns(@ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("hits") Hit> hits)
            throws Exception {
        Path ws = Files.createTempDirectory("a2c-runs-damage");
        try {
            for (int i = 0; i < RUNS; i++) {
                RunFolders.appRun(ws.resolve(id(i)), HP.withSeed(i + 1));
            }
            Set<Integer> touched = new HashSet<>();
            // the last damage to each file counts: truncating a deep line away repairs the file
            Map<String, Damage> last = new java.util.HashMap<>();
            for (Hit h : hits) {
                damage(ws.resolve(id(h.run())).resolve(h.file().name), h);
                touched.add(h.run());
                last.put(h.run() + "/" + h.file(), h.damage());
                Statistics.collect(h.file(), h.damage());
            }
            Set<Integer> surelyDamaged = new HashSet<>();
            last.forEach((file, d) -> {
                if (d.alwaysDamages) {
                    surelyDamaged.add(Integer.parseInt(file.substring(0, file.indexOf('/'))));
                }
            });

            Map<String, RunRecord> runs = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new Workspace(ws).scan())
                    .stream().collect(Collectors.toMap(RunRecord::id, Function.identity()));

            assertEquals(RUNS, runs.size(), runs.keySet().toString());
            for (int i = 0; i < RUNS; i++) {
                RunRecord r = runs.get(id(i));
                if (!touched.contains(i)) {
                    assertEquals(RunState.FINISHED, r.state(), r.problem());
                    assertEquals(i + 1, r.hp().seed());
                    assertEquals(new RunResult(true, 100_000, 10, 100_000, 480, 10, Double.NaN), r.result());
                    assertEquals(5, r.curves().curve(Metric.MEAN_RETURN_100).size());
                } else if (surelyDamaged.contains(i)) {
                    assertEquals(RunState.DAMAGED, r.state(), id(i) + " after " + hits);
                }
                if (r.state() == RunState.DAMAGED) {
                    RunStoreHostileInputTest.assertPlain(r.problem());
                }
            }
        } finally {
            deleteTree(ws);
        }
    }

    private static String id(int run) {
        return "lr=0.003/seed-" + (run + 1);
    }

    private static void damage(Path file, Hit h) throws Exception {
        Random random = new Random(h.seed());
        boolean regular = Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        byte[] before = regular ? Files.readAllBytes(file) : new byte[0];
        if (!regular) {
            // an earlier hit made it a pipe, folder or link: write a file in its place, never into it
            deleteTree(file);
        }
        switch (h.damage()) {
            case TRUNCATE:
                Files.write(file, java.util.Arrays.copyOf(before, before.length == 0 ? 0 : h.amount() % before.length));
                break;
            case RANDOM_BYTES:
                byte[] bytes = new byte[h.amount() % 2000];
                random.nextBytes(bytes);
                Files.write(file, bytes);
                break;
            case FLIPPED_BYTES:
                for (int k = 0; k < 1 + h.amount() % 4 && before.length > 0; k++) {
                    before[random.nextInt(before.length)] = (byte) random.nextInt(256);
                }
                Files.write(file, before);
                break;
            case DEEP_NESTING:
                int depth = 33 + h.amount() % 40_000;
                String deep = "[".repeat(depth) + "]".repeat(depth);
                Files.writeString(file, h.file() == RunFile.METRICS ? new String(before, StandardCharsets.UTF_8) + deep + "\n"
                        : deep);
                break;
            case HUGE_LINE:
                String text = "\"" + "a".repeat(RunFiles.MAX_LINE_BYTES + h.amount()) + "\"";
                Files.writeString(file, h.file() == RunFile.METRICS ? "{\"type\":\"note\",\"text\":" + text + "}\n"
                        : "{\"format\":\"a2c-lab-run\",\"name\":" + text + "}");
                break;
            default:
                replace(file, h.damage());
        }
    }

    private static void replace(Path file, Damage damage) throws Exception {
        deleteTree(file);
        switch (damage) {
            case FIFO:
                SpecialFiles.mkfifo(file);
                break;
            case DIRECTORY:
                Files.createDirectory(file);
                break;
            case LINK_TO_DEV_ZERO:
                Files.createSymbolicLink(file, Path.of("/dev/zero"));
                break;
            default:
                Files.createSymbolicLink(file, file.resolveSibling("gone"));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
