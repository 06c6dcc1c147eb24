package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;
import org.junit.jupiter.api.Test;

/** One JSON form of the hyperparameters for the manifest and the CLI; old manifests still read. */
class HyperparametersJsonTest {
    /** The manifest as A2C Lab wrote it before GAE, schedules and checkpoints existed. */
    static final String VERSION_1_MANIFEST = "{\n"
            + "  \"format\": \"a2c-lab-model\",\n  \"format_version\": 1,\n"
            + "  \"architecture\": {\"input_size\": 4, \"hidden_sizes\": [64, 64], \"activation\": \"relu\","
            + " \"actions\": 2, \"value_head\": true},\n"
            + "  \"hyperparameters\": {\"n_steps\": 8, \"envs\": 4, \"lr\": 0.001, \"entropy\": 0.01,"
            + " \"gamma\": 0.99, \"value_coef\": 0.5, \"max_grad_norm\": 0.5, \"hidden\": 64,"
            + " \"optimizer\": \"adam\", \"seed\": 3, \"device\": \"cpu\"},\n"
            + "  \"training\": {\"env_steps\": 1000, \"updates\": 31, \"episodes\": 40,"
            + " \"mean_return_last100\": 25.0, \"solved\": false, \"wall_s\": 0.5, \"device\": \"CPU\"},\n"
            + "  \"versions\": {\"a2c_lab\": \"0.1\", \"djl\": \"0.33.0\", \"pytorch\": \"2.5.1\"},\n"
            + "  \"created\": \"2026-01-01T00:00:00Z\"\n}\n";

    @Test
    void roundTripKeepsEveryField() {
        Hyperparameters hp = Hyperparameters.DEFAULTS.withGaeLambda(0.95).withNormalizeAdvantage(true)
                .withLrSchedule(LrSchedule.LINEAR).withLrFinal(1e-4).withLrDecaySteps(123_456)
                .withLrDrop(0.5).withSeed(77).withNSteps(16);
        JsonObject json = HyperparametersJson.write(hp);
        assertEquals(0.95, json.get("gae_lambda").getAsDouble());
        assertEquals("linear", json.get("lr_schedule").getAsString());
        assertEquals(hp, HyperparametersJson.read(json, "hyperparameters"));
    }

    @Test
    void versionOneManifestReadsWithTheOldAlgorithm() throws Exception {
        Manifest m = Manifest.parse(VERSION_1_MANIFEST);
        Hyperparameters hp = m.training().hp();
        assertEquals(8, hp.nSteps());
        assertEquals(1.0, hp.gaeLambda());
        assertEquals(false, hp.normalizeAdvantage());
        assertEquals(LrSchedule.CONSTANT, hp.lrSchedule());
        assertEquals(Checkpoint.FINAL_UNEVALUATED, m.checkpoint());
    }

    @Test
    void manifestCarriesTheCheckpoint() throws Exception {
        Manifest old = Manifest.parse(VERSION_1_MANIFEST);
        Checkpoint best = new Checkpoint(Checkpoint.Kind.BEST, 487.5, 60_000, 10);
        Manifest m = new Manifest(1, 64, old.training(), old.versions(), old.created(), best);
        String json = m.toJson();
        assertTrue(json.contains("\"kind\": \"best\""), json);
        Manifest back = Manifest.parse(json);
        assertEquals(best, back.checkpoint());
        assertEquals(old.training().hp(), back.training().hp());
    }

    @Test
    void badValuesNameTheField() {
        JsonObject json = HyperparametersJson.write(Hyperparameters.DEFAULTS);
        json.addProperty("gae_lambda", "high");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HyperparametersJson.read(json, "hyperparameters"));
        assertEquals("'hyperparameters.gae_lambda' must be a number, got \"high\"", e.getMessage());
        json.addProperty("gae_lambda", 1.5);
        assertThrows(IllegalArgumentException.class, () -> HyperparametersJson.read(json, "hyperparameters"));
        JsonObject missing = HyperparametersJson.write(Hyperparameters.DEFAULTS);
        missing.remove("gamma");
        assertEquals("'hyperparameters.gamma' is missing", assertThrows(IllegalArgumentException.class,
                () -> HyperparametersJson.read(missing, "hyperparameters")).getMessage());
    }
}
