package org.a2clab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy kind is a type (DESIGN.md §7, SB3's {@code Distribution}): code chooses an
 * {@code ActionDistribution} from the kind and asks it, and never compares, switches or tests on
 * the kind (or on "is this step Gaussian") itself. The scan reads the source, comments stripped.
 */
class PolicyKindBranchTest {
    private static final Path MAIN = Path.of("src/main/java/org/a2clab");

    /** A comparison of, switch on or test of the kind, or of whether a frame or update is Gaussian. */
    static final Pattern BRANCH = Pattern.compile(String.join("|",
            "[!=]=\\s*PolicyKind\\.", "PolicyKind\\.\\w+\\s*[!=]=", "\\bswitch\\s*\\([^)]*\\b(policy|PolicyKind)\\b",
            "\\bgaussian(\\(\\))?\\s*[!=]=\\s*null", "\\bgaussian\\(\\)\\s*\\?",
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

    @Test
    void onlyTheDistributionsAndTheChoosingSitesBranchOnThePolicyKind() throws IOException {
        Set<String> offenders = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                if (CHOOSING_SITES.contains(name)) {
                    continue;
                }
                String[] code = withoutComments(Files.readString(f)).split("\n");
                for (int i = 0; i < code.length; i++) {
                    if (BRANCH.matcher(code[i]).find()) {
                        offenders.add(name);
                        lines.add(name + ":" + (i + 1) + ": " + code[i].trim());
                    }
                }
            }
        }
        assertEquals(Set.of(), offenders, String.join("\n", lines));
    }

    @Test
    void theScanSeesTheBranchesItForbids() {
        for (String branch : List.of("if (policy == PolicyKind.GAUSSIAN) {", "kind() == PolicyKind.CATEGORICAL",
                "boolean gaussian = net.policy() == other;", "f.gaussian() == null ? a : b", "if (u.gaussian()) {",
                "switch (policy) {", "d instanceof GaussianDistribution", "model.policyIs(PolicyKind.GAUSSIAN)")) {
            assertTrue(BRANCH.matcher(branch).find(), branch);
        }
        for (String fine : List.of("PolicyKind policy = hp.policy();", "policy.distribution().sample(actor, e, r)",
                "new ActorCritic(PolicyKind.GAUSSIAN, 4, 1, cpu, 0)", "GaussianAction g = f.gaussian();",
                "if (net.policy() != hp.policy()) {", "switch (t.kind()) {", "record(f.gaussian()));")) {
            assertTrue(!BRANCH.matcher(fine).find(), fine);
        }
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
