package org.a2clab.export;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;

/**
 * The one JSON form of {@link Hyperparameters}, shared by the manifest and the CLI's output.
 * Keys added after format version 1 (GAE λ, advantage normalization, learning-rate schedule, policy
 * and its initial log σ, whether α was derived from the batch) may be missing in older manifests;
 * they then take the values that reproduce the old training (a missing policy is categorical, a
 * missing {@code learning_rate_derived} false). The α written is the one used, so a bundle trains
 * the same after the batch rule changes.
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
        h.addProperty("policy", hp.policy().label());
        h.addProperty("init_log_std", hp.initialLogStd());
        h.addProperty("learning_rate_derived", hp.learningRateDerived());
        return h;
    }

    /**
     * Reads and validates; a problem throws IllegalArgumentException naming the field as
     * {@code prefix.key}.
     */
    public static Hyperparameters read(JsonObject h, String prefix) {
        Reader r = new Reader(h, prefix);
        return new Hyperparameters(r.intField("n_steps"), r.intField("envs"),
                r.number("lr", null), r.number("entropy", null), r.number("gamma", null),
                r.number("value_coef", null), r.number("max_grad_norm", null),
                r.intField("hidden"), r.choice("optimizer", OptimizerKind::parse),
                r.integer("seed", null, Long.MIN_VALUE, Long.MAX_VALUE),
                r.choice("device", DeviceChoice::parse),
                // absent: what A2C Lab did before these options existed, not today's defaults
                r.number("gae_lambda", 1.0), r.bool("normalize_advantage", false),
                r.choice("lr_schedule", LrSchedule.CONSTANT.label(), LrSchedule::parse),
                r.number("lr_final", 0.0), r.integer("lr_decay_steps", 1_000_000L, 0, Long.MAX_VALUE),
                r.number("lr_drop", 0.1),
                // written before the Gaussian policy existed: categorical
                r.choice("policy", PolicyKind.CATEGORICAL.label(), PolicyKind::parse),
                r.number("init_log_std", Hyperparameters.DEFAULT_INITIAL_LOG_STD),
                // written before α followed the batch: α was fixed
                r.bool("learning_rate_derived", false));
    }

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");

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

        /** An int field; its range is checked by {@link Hyperparameters} after this. */
        int intField(String key) {
            return (int) integer(key, null, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        /**
         * An integer written as one (128, not 128.0 or 1.28e2: our writer never produces those,
         * so a file that has them was edited or made elsewhere) within [min, max].
         */
        long integer(String key, Long fallback, long min, long max) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            String text = p.isNumber() ? p.getAsString() : "";
            if (!INTEGER.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be an integer, got "
                        + StrictJson.quote(p));
            }
            BigInteger v = new BigInteger(text);
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' is " + StrictJson.quote(p)
                        + ", outside [" + min + ", " + max + "]");
            }
            return v.longValueExact();
        }

        double number(String key, Double fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isNumber()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be a number, got " + StrictJson.quote(p));
            }
            return p.getAsDouble();
        }

        String string(String key, String fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isString()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be a string, got " + StrictJson.quote(p));
            }
            return p.getAsString();
        }

        <T> T choice(String key, Function<String, T> parse) {
            return choice(key, null, parse);
        }

        /** One of a fixed set of names; the message quotes a wrong one cut short. */
        <T> T choice(String key, String fallback, Function<String, T> parse) {
            String value = string(key, fallback);
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' cannot be " + StrictJson.quote(value));
            }
        }

        boolean bool(String key, Boolean fallback) {
            JsonPrimitive p = primitive(key, fallback);
            if (p == null) {
                return fallback;
            }
            if (!p.isBoolean()) {
                throw new IllegalArgumentException("'" + prefix + "." + key + "' must be true or false, got " + StrictJson.quote(p));
            }
            return p.getAsBoolean();
        }
    }
}
