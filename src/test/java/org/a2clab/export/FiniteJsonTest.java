package org.a2clab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** Every JSON A2C Lab writes parses as RFC 8259: a non-finite number becomes null, and its field is named. */
class FiniteJsonTest {
    @Test
    void nonFiniteNumbersAreWrittenAsNullAndNamedOncePerField() {
        JsonObject o = new JsonObject();
        o.addProperty("ok", 0.1f);
        o.addProperty("nan", Double.NaN);
        JsonArray a = new JsonArray();
        a.add(1.5);
        a.add(Float.POSITIVE_INFINITY);
        JsonObject inner = new JsonObject();
        inner.addProperty("low", Double.NEGATIVE_INFINITY);
        a.add(inner);
        o.add("a", a);
        List<String> warnings = new ArrayList<>();
        FiniteJson.NonFinite report = FiniteJson.warnings("out", warnings::add);

        String line = FiniteJson.line(o, report);
        assertEquals("{\"ok\":0.1,\"nan\":null,\"a\":[1.5,null,{\"low\":null}]}", line);
        Rfc8259.parse(line);
        assertEquals(List.of("out: nan is NaN, which JSON cannot hold; written as null",
                "out: a[1] is Infinity, which JSON cannot hold; written as null",
                "out: a[2].low is -Infinity, which JSON cannot hold; written as null"), warnings);
        FiniteJson.line(o, report);
        assertEquals(3, warnings.size(), "a field that stays non-finite is reported once");
    }

    @Test
    void finiteJsonIsWrittenAsGsonWritesIt() {
        JsonObject o = new JsonObject();
        o.addProperty("d", 1e-5);
        o.addProperty("f", 0.1948295f);
        o.addProperty("l", Long.MAX_VALUE);
        o.addProperty("s", "<π & \"q\">");
        o.add("n", null);
        o.addProperty("b", true);
        Gson gson = new com.google.gson.GsonBuilder().serializeNulls().disableHtmlEscaping().create();
        assertEquals(gson.toJson(o), FiniteJson.line(o, (field, v) -> {
        }));
        Gson pretty = new com.google.gson.GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();
        assertEquals(pretty.toJson(o), FiniteJson.pretty(o, (field, v) -> {
        }));
    }

    /** A manifest used to carry a bare NaN (here: a wall time that is not a number), which our own reader refuses. */
    @Test
    void aManifestWithANonFiniteStatisticStillParses() {
        TrainingResult r = new TrainingResult(false, 10, 2, 0, Double.NaN, Double.NaN, "CPU", Hyperparameters.DEFAULTS);
        String json = new Manifest(Manifest.FORMAT_VERSION, Hyperparameters.DEFAULTS.hiddenSize(), r,
                new Versions("1", "0.33.0", "2.5.1"), Instant.EPOCH, Checkpoint.FINAL_UNEVALUATED).toJson();
        JsonObject training = Rfc8259.parse(json).getAsJsonObject().getAsJsonObject("training");
        assertTrue(training.get("wall_s").isJsonNull(), json);
        assertTrue(training.get("mean_return_last100").isJsonNull(), json);
    }
}
