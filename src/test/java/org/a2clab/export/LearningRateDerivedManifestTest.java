package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.a2clab.train.Hyperparameters;
import org.junit.jupiter.api.Test;

/** The manifest records whether α was derived from the batch; manifests from before read as set by hand. */
class LearningRateDerivedManifestTest {
    private static Manifest with(Hyperparameters hp) throws Exception {
        Manifest old = Manifest.parse(HyperparametersJsonTest.VERSION_1_MANIFEST);
        var t = old.training();
        return new Manifest(1, hp.hiddenSize(), new org.a2clab.train.TrainingResult(t.solved(), t.envSteps(), t.updates(),
                t.episodes(), t.trainingSeconds(), t.meanReturnLast100(), t.device(), hp), old.versions(), old.created(),
                old.checkpoint());
    }

    @Test
    void derivedAndHandSetAlphaAreRecordedAndReadBack() throws Exception {
        for (Hyperparameters hp : new Hyperparameters[] {Hyperparameters.DEFAULTS.withNumEnvs(8).withDerivedLearningRate(),
                Hyperparameters.DEFAULTS.withLearningRate(1e-3)}) {
            String json = with(hp).toJson();
            JsonObject h = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("hyperparameters");
            assertEquals(hp.learningRateDerived(), h.get("learning_rate_derived").getAsBoolean(), json);
            assertEquals(hp.learningRate(), h.get("lr").getAsDouble());
            assertEquals(hp, Manifest.parse(json).training().hp());
        }
    }

    @Test
    void aManifestWithoutTheFieldReadsAsAlphaSetByHand() throws Exception {
        Hyperparameters hp = Manifest.parse(HyperparametersJsonTest.VERSION_1_MANIFEST).training().hp();
        assertFalse(hp.learningRateDerived());
        assertEquals(0.001, hp.learningRate());
    }

    /** The α written is the one used: a bundle whose α the rule no longer gives still loads it. */
    @Test
    void theRecordedAlphaWinsOverTheRuleAndAWrongTypeIsNamed() throws Exception {
        String json = with(Hyperparameters.DEFAULTS).toJson().replace("\"lr\": 0.0025", "\"lr\": 0.0042");
        Hyperparameters hp = Manifest.parse(json).training().hp();
        assertEquals(0.0042, hp.learningRate());
        assertTrue(hp.learningRateDerived());
        BundleException e = assertThrows(BundleException.class, () -> Manifest.parse(
                with(Hyperparameters.DEFAULTS).toJson().replace("\"learning_rate_derived\": true", "\"learning_rate_derived\": 1")));
        assertTrue(e.getMessage().contains("'hyperparameters.learning_rate_derived' must be true or false"), e.getMessage());
    }
}
