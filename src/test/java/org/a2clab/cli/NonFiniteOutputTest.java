package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.agent.PolicyKind;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.export.ModelBundle;
import org.a2clab.export.Rfc8259;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network whose outputs are not finite makes policy, evaluate and episode stop with exit 1
 * and say where, instead of printing NaN, pushing left and scoring it; and every JSON line the
 * commands print parses as RFC 8259.
 */
class NonFiniteOutputTest {
    @TempDir
    static Path tmp;
    static Path categorical;
    static Path gaussian;

    @BeforeAll
    static void overflowingBundles() throws Exception {
        DjlRuntime.prepareTrainingThread();
        categorical = overflowing(PolicyKind.CATEGORICAL);
        gaussian = overflowing(PolicyKind.GAUSSIAN);
    }

    /**
     * A bundle that loads (every weight is finite) but whose hidden weights are so large (× 1e30)
     * that float32 overflows on any observation: ∞ − ∞ at the heads is NaN.
     */
    static Path overflowing(PolicyKind kind) throws Exception {
        Hyperparameters hp = Hyperparameters.defaultsFor(kind).withHiddenSize(8);
        try (ActorCritic net = new ActorCritic(kind, 8, 1, Device.cpu(), hp.initialLogStd())) {
            float[][] p = net.copyParameters();
            for (int weights : new int[] {0, 2}) {
                for (int i = 0; i < p[weights].length; i++) {
                    p[weights][i] *= 1e30f;
                }
            }
            net.setParameters(p);
            Path dir = tmp.resolve(kind.label());
            ModelBundle.save(dir, net, new TrainingResult(false, 0, 0, 0, 0, Double.NaN, "CPU", hp));
            return dir;
        }
    }

    private static void assertNotFinite(Run r, String... parts) {
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out(), "nothing printed for outputs that are not numbers");
        assertTrue(r.err().contains("the network's output is not finite at observation ["), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "expected '" + p + "' in: " + r.err());
        }
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void policySaysWhichObservationGaveNaN() {
        assertNotFinite(cli("policy", "--model", categorical.toString(), "--obs", "0.01,0.02,0.03,0.04"),
                "a2c-lab policy: the network's output is not finite at observation [0.01, 0.02, 0.03, 0.04]: "
                        + "π = [NaN, NaN], V = NaN");
    }

    /** σ = exp(clamp(log σ)) was NaN: the clamp passes NaN through. Now no σ is printed at all. */
    @Test
    void aGaussianNetworkNeverPrintsANaNSigma() {
        Run r = cli("policy", "--model", gaussian.toString(), "--obs", "0.01,0.02,0.03,0.04");
        assertNotFinite(r, "observation [0.01, 0.02, 0.03, 0.04]: μ = NaN, log σ = NaN, V = NaN");
        assertNotFinite(cli("episode", "--model", gaussian.toString(), "--greedy"), "μ = NaN");
        assertNotFinite(cli("evaluate", "--model", gaussian.toString()), "μ = NaN");
    }

    /** The episode said action 0 and entropy 0.0 at every frame of a NaN network. */
    @Test
    void episodeStopsInsteadOfActingOnNaN() {
        assertNotFinite(cli("episode", "--model", categorical.toString(), "--seed", "0"), "π = [NaN, NaN]");
    }

    /** evaluate scored the NaN network 10.0: every step pushed left until the pole fell. */
    @Test
    void evaluateDoesNotScoreANaNNetwork() {
        assertNotFinite(cli("evaluate", "--model", categorical.toString(), "--episodes", "3"), "π = [NaN, NaN]");
        assertNotFinite(cli("evaluate", "--model", categorical.toString(), "--greedy"), "π = [NaN, NaN]");
    }

    /** No episode ends in 10 steps: the summary said "mean_return_last100":NaN, which is not JSON. */
    @Test
    void theTrainSummaryWithoutAnEpisodeParses() {
        Run r = cli("train", "--max-steps", "10", "--envs", "1", "--n-steps", "5", "--hidden", "8",
                "--device", "cpu", "--eval-every", "0");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        JsonObject summary = Rfc8259.parse(lines.get(lines.size() - 1)).getAsJsonObject();
        assertTrue(summary.get("mean_return_last100").isJsonNull(), r.out());
        assertTrue(!r.err().contains("warning"), "no mean yet is not a defect: " + r.err());
    }

    /** A sweep group none of whose runs finished an episode had IQM 0.0 [0, 0]; its runs said null. */
    @Test
    void aSweepGroupWithoutAnEpisodeHasANullIqm() throws Exception {
        Path out = tmp.resolve("sweep");
        Run r = cli("sweep", "--vary", "lr=0.001,0.002", "--seed-list", "1,2", "--max-steps", "10", "--envs", "1",
                "--n-steps", "5", "--hidden", "8", "--device", "cpu", "--parallel", "1", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonObject summary = Rfc8259.parse(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        for (var g : summary.getAsJsonArray("groups")) {
            JsonObject group = g.getAsJsonObject();
            assertTrue(group.get("iqm_final_return").isJsonNull(), group.toString());
            assertTrue(group.get("iqm_final_return_ci95").isJsonNull(), group.toString());
            for (var run : group.getAsJsonArray("runs")) {
                assertTrue(run.getAsJsonObject().get("final_mean_return").isJsonNull(), run.toString());
            }
        }
        Path result = SweepCommand.runDir(out, "lr", "0.001", 1).resolve("result.json");
        assertTrue(Rfc8259.parse(Files.readString(result)).getAsJsonObject().get("mean_return_last100").isJsonNull());
        for (String line : Files.readAllLines(SweepCommand.runDir(out, "lr", "0.001", 1).resolve("metrics.jsonl"))) {
            Rfc8259.parse(line);
        }
    }
}
