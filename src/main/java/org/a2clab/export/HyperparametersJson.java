package org.a2clab.export;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Locale;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;

/**
 * The one JSON form of {@link Hyperparameters}, shared by the manifest and the CLI's output.
 * Keys added after format version 1 (GAE λ, advantage normalization, learning-rate schedule) may
 * be missing in older manifests; they then take the values that reproduce the old training.
 */
public final class HyperparametersJson {
    private HyperparametersJson() {
    }

    public static JsonObject write(Hyperparameters hp) {
        JsonObject h = new JsonObject();
        h.addProperty("n_steps", hp.nSteps());
        h.addProperty("envs", hp.numEnvs());
        h.addProperty("lr", hp.learningRate());
        h.addProperty("entropy", hp.entropyCoef());
        h.addProperty("gamma", hp.gamma());
        h.addProperty("value_coef", hp.valueCoef());
        h.addProperty("max_grad_norm", hp.maxGradNorm());
        h.addProperty("hidden", hp.hiddenSize());
        h.addProperty("optimizer", hp.optimizer().name().toLowerCase(Locale.ROOT));
        h.addProperty("seed", hp.seed());
        h.addProperty("device", hp.device().name().toLowerCase(Locale.ROOT));
        h.addProperty("gae_lambda", hp.gaeLambda());
        h.addProperty("normalize_advantage", hp.normalizeAdvantage());
        h.addProperty("lr_schedule", hp.lrSchedule().label());
        h.addProperty("lr_final", hp.lrFinal());
        h.addProperty("lr_decay_steps", hp.lrDecaySteps());
        h.addProperty("lr_drop", hp.lrDrop());
        return h;
    }

    /**
     * Reads and validates; a problem throws IllegalArgumentException naming the field as
     * {@code prefix.key}.
     */
    public static Hyperparameters read(JsonObject h, String prefix) {
        Reader r = new Reader(h, prefix);
        return new Hyperparameters((int) r.integer("n_steps", null), (int) r.integer("envs", null),
                r.number("lr", null), r.number("entropy", null), r.number("gamma", null),
                r.number("value_coef", null), r.number("max_grad_norm", null),
                (int) r.integer("hidden", null), OptimizerKind.parse(r.string("optimizer", null)),
                r.integer("seed", null), DeviceChoice.parse(r.string("device", null)),
                // absent: what A2C Lab did before these options existed, not today's defaults
                r.number("gae_lambda", 1.0), r.bool("normalize_advantage", false),
                LrSchedule.parse(r.string("lr_schedule", LrSchedule.CONSTANT.label())),
                r.number("lr_final", 0.0), r.integer("lr_decay_steps", 1_000_000L),
                r.number("lr_drop", 0.1));
    }

    /** Typed reads of one object; a null fallback makes the key required. */
    private static final class Reader {
        private final JsonObject o;
        private final String prefix;

        Reader(JsonObject o, String prefix) {
            this.o = o;
            this.prefix = prefix;
        }

        private JsonPrimitive primitive(String key, Object fallback) {
            JsonElement e = o.get(key);
            if (e == null && fallback != null) {
                return null;
            }
            if (e == null || !e.isJsonPrimitive()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' is missing");
            }
            return e.getAsJsonPrimitive();
        }

        long integer(String key, Long fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            try {
                if (p.isNumber()) {
                    return new BigDecimal(p.getAsString()).longValueExact();
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("'" + prefix + "." + key + "' must be an integer, got " + p);
        }

        double number(String key, Double fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isNumber()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be a number, got " + p);
            }
            return p.getAsDouble();
        }

        String string(String key, String fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isString()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be a string, got " + p);
            }
            return p.getAsString();
        }

        boolean bool(String key, Boolean fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isBoolean()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be true or false, got " + p);
            }
            return p.getAsBoolean();
        }
    }
}
