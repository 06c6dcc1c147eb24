package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.a2clab.cli.OutputPlan.Kind;
import org.a2clab.export.ModelBundle;
import org.a2clab.io.AtomicDirectory;
import org.a2clab.io.AtomicFiles;

/**
 * The output plan searched, not replayed: random targets (files, bundles, folders) built from the
 * names of a random layout around a model bundle — the bundle's own files, nested folders, links
 * to the bundle, a folder and a file, a dangling link, a FIFO, {@code ..} and {@code .} — against
 * an optional {@code --model} input. A: an accepted plan has no target on or inside the input or
 * another target (and resolved as the file system resolves); B: every accepted target can then be
 * written by the real writers, and nothing but the targets and their new parent folders changes; C: a refused plan leaves
 * the tree byte for byte as it was.
 */
class OutputPlanPropertyTest {
    private static final List<String> NAMES = List.of("m", "link-m", "d", "e", "f", "link-f", "fifo", "link-d",
            "dangling", "..", ".", "new", "x.zip", "manifest.json", "model.safetensors", "best");
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    record Target(Kind kind, List<String> names) {
    }

    /** A layout (whether m/best, d/e and a folder named x.zip exist) and a command's paths in it. */
    record Case(boolean best, boolean nested, boolean zipIsFolder, String input, List<Target> targets) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<String>> path = Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(4)
                .filter(OutputPlanPropertyTest::neverAboveTheLayout);
        Arbitrary<Target> target = Combinators.combine(Arbitraries.of(Kind.class), path).as(Target::new);
        Arbitrary<String> input = Arbitraries.of("m", "link-m", "f", "m/../m", "d/../link-m").injectNull(0.25);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(flag, flag, flag, input, target.list().ofMinSize(1).ofMaxSize(3)).as(Case::new);
    }

    /** Links in the layout point one level down, so counting names bounds where a path can reach. */
    private static boolean neverAboveTheLayout(List<String> names) {
        int depth = 0;
        for (String n : names) {
            depth += n.equals("..") ? -1 : n.equals(".") ? 0 : 1;
            if (depth < 0) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    void acceptedTargetsAreNeverOnOrInsideTheInputOrEachOther(@ForAll("cases") Case c) throws Exception {
        Layout l = new Layout(c);
        try {
            OutputPlan plan = l.attempt();
            l.collect(plan);
            if (plan == null) {
                return;
            }
            List<Path> paths = new ArrayList<>();
            if (c.input() != null) {
                paths.add(l.root.resolve(c.input()).toRealPath());
            }
            for (int i = 0; i < c.targets().size(); i++) {
                Path independent = realTarget(l.given(i), c.targets().get(i).kind());
                assertEquals(independent, plan.path(option(i)), "resolved as the file system resolves it");
                paths.add(independent);
            }
            for (int i = 0; i < paths.size(); i++) {
                for (int j = 0; j < paths.size(); j++) {
                    if (i != j) {
                        assertFalse(paths.get(i).startsWith(paths.get(j)), paths.get(i) + " on or in " + paths.get(j));
                    }
                }
            }
        } finally {
            l.delete();
        }
    }

    @Property(tries = 300)
    void acceptedTargetsCanAllBeWrittenAndNothingElseChanges(@ForAll("cases") Case c) throws Exception {
        Layout l = new Layout(c);
        try {
            Map<String, String> before = FileTree.snapshot(l.base);
            OutputPlan plan = l.attempt();
            l.collect(plan);
            if (plan == null) {
                return;
            }
            List<Path> targets = new ArrayList<>();
            for (int i = 0; i < c.targets().size(); i++) {
                Path p = plan.path(option(i));
                write(p, c.targets().get(i).kind());
                targets.add(p);
            }
            Map<String, String> after = FileTree.snapshot(l.base);
            Set<String> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String k : keys) {
                if (!String.valueOf(before.get(k)).equals(String.valueOf(after.get(k)))) {
                    Path changed = l.base.resolve(k);
                    boolean newParent = before.get(k) == null && "dir".equals(after.get(k))
                            && targets.stream().anyMatch(t -> t.startsWith(changed));
                    assertTrue(newParent || targets.stream().anyMatch(changed::startsWith),
                            k + " changed, neither a target nor a new parent of one: " + targets);
                }
            }
        } finally {
            l.delete();
        }
    }

    @Property(tries = 300)
    void aRefusedPlanLeavesTheTreeAsItWas(@ForAll("cases") Case c) throws Exception {
        Layout l = new Layout(c);
        try {
            Map<String, String> before = FileTree.snapshot(l.base);
            OutputPlan plan = l.attempt();
            l.collect(plan);
            if (plan == null) {
                assertEquals(before, FileTree.snapshot(l.base));
            }
        } finally {
            l.delete();
        }
    }

    private static String option(int i) {
        return "--t" + i;
    }

    /** The target's real path found by the operating system, now that its parent exists. */
    private static Path realTarget(String given, Kind kind) throws IOException {
        Path p = Path.of(given);
        String last = p.getFileName().toString();
        if (kind == Kind.FOLDER || last.equals(".") || last.equals("..")) {
            return p.toRealPath();
        }
        return p.getParent().toRealPath().resolve(last);
    }

    /** Writes a target as the commands' writers do. */
    private static void write(Path target, Kind kind) throws Exception {
        switch (kind) {
            case FILE:
                AtomicFiles.write(target, temp -> Files.writeString(temp, "written"));
                break;
            case BUNDLE:
                ModelBundle.checkSaveTarget(target);
                Path temp = AtomicDirectory.createTempSibling(target);
                Files.writeString(temp.resolve(ModelBundle.SAFETENSORS_FILE), "written");
                AtomicDirectory.replace(temp, target);
                break;
            default:
                Files.createDirectories(target.resolve("runs"));
                Files.writeString(target.resolve("summary.json"), "{}");
                break;
        }
    }

    /** A fresh tree for one case: base/g/root holds the layout, so no path can leave base. */
    private static final class Layout {
        final Path base;
        final Path root;
        final Case c;

        Layout(Case c) throws Exception {
            this.c = c;
            base = Files.createTempDirectory("output-plan").toRealPath();
            root = Files.createDirectories(base.resolve("g/root"));
            Path m = Files.createDirectory(root.resolve("m"));
            for (String f : new String[] {"manifest.json", "model.safetensors", "actor-critic-0000.params", "model.onnx"}) {
                Files.writeString(m.resolve(f), "bundle " + f);
            }
            if (c.best()) {
                Files.createDirectory(m.resolve("best"));
                Files.writeString(m.resolve("best/manifest.json"), "best");
            }
            Files.createDirectory(root.resolve("d"));
            if (c.nested()) {
                Files.createDirectory(root.resolve("d/e"));
            }
            if (c.zipIsFolder()) {
                Files.createDirectory(root.resolve("x.zip"));
                Files.writeString(root.resolve("x.zip/keep.txt"), "keep");
            }
            Files.writeString(root.resolve("f"), "mine");
            Files.createSymbolicLink(root.resolve("link-m"), Path.of("m"));
            Files.createSymbolicLink(root.resolve("link-d"), Path.of("d"));
            Files.createSymbolicLink(root.resolve("link-f"), Path.of("f"));
            Files.createSymbolicLink(root.resolve("dangling"), Path.of("nowhere"));
            org.a2clab.io.SpecialFiles.mkfifo(root.resolve("fifo"));
        }

        String given(int i) {
            return root + "/" + String.join("/", c.targets().get(i).names());
        }

        private String refusal;

        /** The plan made and prepared, or null if it was refused (any other exception fails). */
        OutputPlan attempt() {
            try {
                OutputPlan plan = new OutputPlan();
                plan.input("--model", c.input() == null ? null : root.resolve(c.input()).toString());
                for (int i = 0; i < c.targets().size(); i++) {
                    plan.target(option(i), given(i), c.targets().get(i).kind());
                }
                plan.check(QUIET).prepare();
                return plan;
            } catch (UsageException e) {
                refusal = e.getMessage();
                return null;
            }
        }

        /** Counts outcomes, refusals by input or target clash apart from the others. */
        void collect(OutputPlan plan) {
            boolean clash = refusal != null && (refusal.contains(" lies inside ") || refusal.contains(" same path"));
            Statistics.collect(plan != null ? "accepted" : clash ? "refused: clash" : "refused: other");
        }

        void delete() throws IOException {
            AtomicDirectory.deleteRecursively(base);
        }
    }
}
