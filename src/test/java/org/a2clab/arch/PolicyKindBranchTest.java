package org.a2clab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy kind is a type (as SB3's {@code Distribution}): code chooses an
 * {@code ActionDistribution} from the kind and asks it, and never compares, switches or tests on
 * the kind (or on "is this step or update Gaussian", e.g. by a null check of Gaussian-only data)
 * itself. The scan reads the source, comments stripped.
 */
class PolicyKindBranchTest {
    private static final Path MAIN = Path.of("src/main/java/org/a2clab");

    /** A comparison of, switch on or test of the kind, or of whether a frame or update is Gaussian. */
    static final Pattern BRANCH = Pattern.compile(String.join("|",
            "[!=]=\\s*PolicyKind\\.", "PolicyKind\\.\\w+\\s*[!=]=", "\\bswitch\\s*\\([^)]*\\b(policy|PolicyKind)\\b",
            "\\b(gaussian|actionMean|actionStd)(\\(\\))?\\s*[!=]=\\s*null",
            "\\bnull\\s*[!=]=\\s*[\\w.]*\\b(gaussian|actionMean|actionStd)\\b", "\\bgaussian\\(\\)\\s*\\?",
            // one kind compared with another (a policy variable or call, or a distribution's kind())
            "(\\b\\w*[Pp]olicy\\b(\\(\\))?|\\bkind\\(\\))\\s*[!=]=\\s*[\\w.()]*?(\\b\\w*[Pp]olicy\\b|\\bkind\\(\\))",
            "\\bif\\s*\\(\\s*!?[\\w.]*\\bgaussian\\(\\)\\s*\\)", "\\bisGaussian\\b", "\\bboolean\\s+gaussian\\b",
            "instanceof\\s+(Gaussian|Categorical)Distribution", "\\bpolicyIs\\("));

    /**
     * Where the kind is turned into behaviour: the distributions themselves, and the choosing
     * sites (a recorded frame or step says which kind took it by whether it holds Gaussian
     * details; defaults are chosen per kind).
     */
    static final Set<String> CHOOSING_SITES = Set.of(
            "agent/PolicyKind.java", "agent/ActionDistribution.java", "agent/CategoricalDistribution.java",
            "agent/GaussianDistribution.java", "inspect/EpisodeFrame.java", "inspect/EpisodeStep.java",
            "train/WorkerFrame.java", "train/UpdateStats.java", "train/Hyperparameters.java");

    /**
     * The comparisons of two kinds that are not branches: each checks that two sources agree (a
     * loaded network and its settings, a manifest's policy and its hyperparameters, the running and
     * the edited settings, a new choice and the current one) and never asks which kind either is.
     * By file, the trimmed line.
     */
    static final Map<String, Set<String>> AGREEMENT_CHECKS = Map.of(
            "train/A2c.java", Set.of("if (net.policy() != hp.policy()) {"),
            "export/ModelBundle.java", Set.of("if (net.policy() != result.hp().policy()) {"),
            "export/Manifest.java", Set.of("if (hp.policy() != policy) {"),
            "ui/hyperparams/HyperparametersViewModel.java", Set.of(
                    "append(names, running.policy() != settings.get().policy(), \"policy\");",
                    "if (policy == now.policy()) {"));

    /** A variable holding a step's Gaussian details, whose null check asks "is this step Gaussian". */
    private static final Pattern DETAILS = Pattern.compile("\\bGaussianAction\\s+(\\w+)\\b");

    @Test
    void onlyTheDistributionsAndTheChoosingSitesBranchOnThePolicyKind() throws IOException {
        List<String> lines = new ArrayList<>();
        Set<String> agreements = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                if (CHOOSING_SITES.contains(name)) {
                    continue;
                }
                for (String line : branches(Files.readString(f))) {
                    String code = line.substring(line.indexOf(": ") + 2);
                    if (AGREEMENT_CHECKS.getOrDefault(name, Set.of()).contains(code)) {
                        agreements.add(name + ": " + code);
                    } else {
                        lines.add(name + ":" + line);
                    }
                }
            }
        }
        assertEquals(List.of(), lines, String.join("\n", lines));
        // an agreement check that is gone leaves no stale exemption behind
        Set<String> listed = new TreeSet<>();
        AGREEMENT_CHECKS.forEach((file, codes) -> codes.forEach(c -> listed.add(file + ": " + c)));
        assertEquals(listed, agreements);
    }

    @Test
    void theScanSeesTheBranchesItForbids() {
        for (String branch : List.of("if (policy == PolicyKind.GAUSSIAN) {", "kind() == PolicyKind.CATEGORICAL",
                "boolean gaussian = net.policy() == other;", "f.gaussian() == null ? a : b", "if (u.gaussian()) {",
                "switch (policy) {", "d instanceof GaussianDistribution", "model.policyIs(PolicyKind.GAUSSIAN)",
                // the forms a review found: null checks of Gaussian-only data, one kind against another
                "if (u.actionMean() != null) {", "boolean p = !rows.isEmpty() && rows.get(0).actionMean() != null;",
                "if (s.actionStd() == null) {", "if (null != u.actionMean()) {",
                "GaussianAction details = frames.get(i).gaussian();\nif (details != null) {",
                "void f(GaussianAction g) {\n  return g == null ? 0 : g.mean();",
                "if (history.policy() != shownPolicy) {", "if (policy == now.policy()) {",
                "if (net.policy() != hp.policy()) {", "a.distribution().kind() == b.kind()",
                "if (d instanceof CategoricalDistribution) {")) {
            assertTrue(!branches(branch).isEmpty(), branch);
        }
        for (String fine : List.of("PolicyKind policy = hp.policy();", "policy.distribution().sample(actor, e, r)",
                "new ActorCritic(PolicyKind.GAUSSIAN, 4, 1, cpu, 0)", "GaussianAction g = f.gaussian();",
                "switch (t.kind()) {", "record(f.gaussian()));", "if (e.kind() == EpisodeKind.TRAINING) {",
                "return kind == Kind.BEST ? \"best\" : \"final\";", "if (notice.kind() == Notice.Kind.ERROR) {",
                "s.actorStatistics().forEach((name, m) -> o.add(name, summary(m)));",
                "GaussianAction g = f.gaussian();\nfloat m = g.mean();", "if (other == null) {")) {
            assertEquals(List.of(), branches(fine), fine);
        }
    }

    /** The lines of {@code source} (comments stripped) that branch on the kind, as "line: code". */
    static List<String> branches(String source) {
        String[] code = withoutComments(source).split("\n");
        List<Pattern> nullChecks = new ArrayList<>();
        for (String line : code) {
            Matcher m = DETAILS.matcher(line);
            while (m.find()) {
                String v = Pattern.quote(m.group(1));
                nullChecks.add(Pattern.compile("\\b" + v + "\\s*[!=]=\\s*null\\b|\\bnull\\s*[!=]=\\s*" + v + "\\b"));
            }
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            String line = code[i];
            if (BRANCH.matcher(line).find() || nullChecks.stream().anyMatch(p -> p.matcher(line).find())) {
                found.add((i + 1) + ": " + line.trim());
            }
        }
        return found;
    }

    /** The source with block and line comments blanked (line breaks kept, so line numbers hold). */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(end + 1, source.length()));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (int k = i; k < end; k++) {
                    if (source.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
