package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.a2clab.export.FiniteJson;
import org.a2clab.export.Rfc8259;
import org.a2clab.inspect.EpisodeKind;
import org.a2clab.inspect.EpisodeStep;
import org.a2clab.inspect.RecordedEpisode;
import org.junit.jupiter.api.Test;

class EpisodeJsonTest {
    /** Frames of finite numbers print no warning. */
    static final FiniteJson.NonFinite NO_WARNINGS = (field, value) -> fail(field + " is " + value);

    @Test
    void oneLinePerFrameWithEveryField() {
        List<EpisodeStep> steps = List.of(
                new EpisodeStep(new double[] {0.1, 0.2, 0.03, -0.4}, new float[] {0.1f, 0.2f, 0.03f, -0.4f},
                        0.25f, 0.75f, 2f, 1, 1f, false, false, false),
                new EpisodeStep(new double[] {0.2, 0.3, 0.21, 0.5}, new float[] {0.2f, 0.3f, 0.21f, 0.5f},
                        0.5f, 0.5f, 1f, 0, 1f, true, false, false));
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 3, steps, 0, 5, 0.5);

        List<String> lines = EpisodeJson.lines(e, NO_WARNINGS);
        assertEquals(2, lines.size());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(List.of("t", "state", "obs", "probs", "action", "value", "reward", "terminated",
                "truncated", "n_step_return", "advantage", "td_error", "entropy"),
                List.copyOf(first.keySet()));
        assertEquals(0, first.get("t").getAsInt());
        assertEquals(-0.4, first.getAsJsonArray("state").get(3).getAsDouble(), 0.0);
        assertEquals(0.75f, first.getAsJsonArray("probs").get(1).getAsFloat(), 0f);
        assertEquals(1, first.get("action").getAsInt());
        // R0 = 1 + 0.5·1, A0 = 1.5 − 2, δ0 = 1 + 0.5·1 − 2
        assertEquals(1.5, first.get("n_step_return").getAsDouble(), 1e-12);
        assertEquals(-0.5, first.get("advantage").getAsDouble(), 1e-12);
        assertEquals(-0.5, first.get("td_error").getAsDouble(), 1e-12);
        assertFalse(first.get("terminated").getAsBoolean());
        JsonObject last = JsonParser.parseString(lines.get(1)).getAsJsonObject();
        assertTrue(last.get("terminated").getAsBoolean());
        assertEquals(Math.log(2), last.get("entropy").getAsDouble(), 1e-7);
    }

    @Test
    void lambdaBelowOneAddsTheLambdaReturnAndGaeAdvantage() {
        List<EpisodeStep> steps = List.of(
                new EpisodeStep(new double[4], new float[4], 0.5f, 0.5f, 1.5f, 1, 1f, false, false, false),
                new EpisodeStep(new double[4], new float[4], 0.5f, 0.5f, 3f, 0, 1f, true, false, false));
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 3, steps, 0, 5, 0.5, 0.5);
        JsonObject first = JsonParser.parseString(EpisodeJson.lines(e, NO_WARNINGS).get(0)).getAsJsonObject();
        // G1 = 1 (terminated); G0 = 1 + 0.5·(0.5·V1 + 0.5·G1) = 1 + 0.5·(1.5 + 0.5) = 2; A = 2 − 1.5
        assertEquals(2.0, first.get("lambda_return").getAsDouble(), 1e-12);
        assertEquals(0.5, first.get("gae_advantage").getAsDouble(), 1e-12);
        // the n-step return stays: R0 = 1 + 0.5·1 = 1.5
        assertEquals(1.5, first.get("n_step_return").getAsDouble(), 1e-12);
        RecordedEpisode plain = RecordedEpisode.of(EpisodeKind.GREEDY, 3, steps, 0, 5, 0.5);
        assertFalse(JsonParser.parseString(EpisodeJson.lines(plain, NO_WARNINGS).get(0)).getAsJsonObject().has("lambda_return"));
    }

    /**
     * A frame with NaN probabilities printed "entropy":0.0 (0 · log 0 skipped NaN too) and bare NaN;
     * now the entropy is NaN as well, each is printed as null, and stderr names the fields.
     */
    @Test
    void nonFiniteFieldsPrintAsNullWithAWarning() {
        List<EpisodeStep> steps = List.of(new EpisodeStep(new double[4], new float[4], Float.NaN, Float.NaN, 1f, 0, 1f,
                true, false, false));
        RecordedEpisode e = RecordedEpisode.of(EpisodeKind.GREEDY, 3, steps, 0, 5, 0.5);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String line = EpisodeJson.lines(e, Json.warnings(new PrintStream(err, true, StandardCharsets.UTF_8))).get(0);
        JsonObject frame = Rfc8259.parse(line).getAsJsonObject();
        assertTrue(frame.getAsJsonArray("probs").get(0).isJsonNull(), line);
        assertTrue(frame.get("entropy").isJsonNull(), line);
        assertEquals(List.of("a2c-lab: warning: probs[0] is NaN, which JSON cannot hold; written as null",
                "a2c-lab: warning: probs[1] is NaN, which JSON cannot hold; written as null",
                "a2c-lab: warning: entropy is NaN, which JSON cannot hold; written as null"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
