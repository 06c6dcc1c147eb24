package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The manifest says when a run was first solved and what its mean was at export: they may differ. */
class ManifestSolvedTest {
    private static final Versions VERSIONS = new Versions("test", "0.33.0", "2.5.1");

    private static Manifest manifest(TrainingResult t) {
        return new Manifest(Manifest.FORMAT_VERSION, Hyperparameters.DEFAULTS.hiddenSize(), t, VERSIONS,
                Instant.parse("2026-01-01T00:00:00Z"), org.a2clab.train.Checkpoint.FINAL_UNEVALUATED);
    }

    @Test
    void aRunSolvedEarlierWhoseMeanFellSaysBoth() throws Exception {
        TrainingResult t = new TrainingResult(true, 400_000, 5_000, 3_000, 60, 176.0, "CPU",
                Hyperparameters.DEFAULTS, 165_760, Double.NaN);
        String json = manifest(t).toJson();
        JsonObject training = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("training");
        assertTrue(training.get("solved").getAsBoolean());
        assertEquals(165_760, training.get("solved_at_step").getAsLong());
        assertEquals(176.0, training.get("mean_return_last100").getAsDouble());

        TrainingResult read = Manifest.parse(json).training();
        assertEquals(165_760, read.solvedAtStep());
        assertEquals(176.0, read.meanReturnLast100());
    }

    @Test
    void anUnsolvedRunWritesNullAndAnOlderManifestWithoutTheFieldStillReads() throws Exception {
        String json = manifest(new TrainingResult(false, 1_000, 10, 5, 1, 20, "CPU", Hyperparameters.DEFAULTS)).toJson();
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        assertTrue(root.getAsJsonObject("training").get("solved_at_step").isJsonNull());
        assertFalse(Manifest.parse(json).training().solved());

        root.getAsJsonObject("training").remove("solved_at_step");
        root.getAsJsonObject("training").addProperty("solved", true);
        assertEquals(1_000, Manifest.parse(root.toString()).training().solvedAtStep(),
                "an older solved bundle was solved by its last step");
    }

    @Test
    void solvedAndSolvedAtStepMustAgree() {
        String json = manifest(new TrainingResult(false, 1_000, 10, 5, 1, 20, "CPU", Hyperparameters.DEFAULTS)).toJson()
                .replace("\"solved_at_step\": null", "\"solved_at_step\": 500");
        BundleException e = assertThrows(BundleException.class, () -> Manifest.parse(json));
        assertTrue(e.getMessage().contains("solved_at_step"), e.getMessage());
    }
}
