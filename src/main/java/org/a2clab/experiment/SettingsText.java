package org.a2clab.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a2clab.export.HyperparametersJson;
import org.a2clab.train.Hyperparameters;

/**
 * Settings as short text, e.g. "α 3e-3 · 8 workers · seed 3". Works from the one JSON form
 * of the hyperparameters, so a hyperparameter added there shows here without edits (under its
 * JSON key when it has no symbol below).
 */
public final class SettingsText {
    /** First in a run's automatic name when shown: the policy, then the settings a learner changes first. */
    private static final List<String> LEAD = List.of("policy", "lr", "n_steps", "envs");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("lr", "α"),
            Map.entry("n_steps", "n"), Map.entry("envs", "workers"), Map.entry("entropy", "β"),
            Map.entry("gamma", "γ"), Map.entry("gae_lambda", "λ"), Map.entry("value_coef", "c"),
            Map.entry("max_grad_norm", "clip"), Map.entry("hidden", "hidden"),
            Map.entry("normalize_advantage", "adv. norm"), Map.entry("lr_schedule", "α schedule"),
            Map.entry("lr_final", "α final"), Map.entry("lr_decay_steps", "α decay steps"),
            Map.entry("lr_drop", "α drop"), Map.entry("optimizer", "optimizer"), Map.entry("device", "device"));

    private SettingsText() {
    }

    /**
     * Every setting but the seed, in the JSON's order, as symbol → value text. Whether α was derived
     * is how α was chosen, not a setting: α's value says what the run used.
     */
    public static Map<String, String> values(Hyperparameters hp) {
        JsonObject json = HyperparametersJson.write(hp);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : json.entrySet()) {
            if (!e.getKey().equals("seed") && !e.getKey().equals("learning_rate_derived")) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out;
    }

    /** The keys whose values are not the same across {@code settings}, in JSON order. */
    public static List<String> differing(Collection<Hyperparameters> settings) {
        List<String> out = new ArrayList<>();
        Map<String, String> first = null;
        List<Map<String, String>> all = new ArrayList<>();
        for (Hyperparameters hp : settings) {
            all.add(values(hp));
        }
        if (all.isEmpty()) {
            return out;
        }
        first = all.get(0);
        for (String key : first.keySet()) {
            for (Map<String, String> v : all) {
                if (!first.get(key).equals(v.get(key))) {
                    out.add(key);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A run's automatic name: the settings that differ from the defaults of its policy (for a
     * Gaussian run {@link Hyperparameters#GAUSSIAN_DEFAULTS}, and "policy gaussian" as that differs
     * from {@link Hyperparameters#DEFAULTS}), plus each of {@code extra} (the settings that differ
     * between the runs listed, so no two of them read alike), then the seed: "α 1e-3 · 8 workers ·
     * seed 3", "defaults · seed 3". The policy and the settings a learner changes first lead, the
     * rest follow in JSON order.
     */
    public static String name(Hyperparameters hp, Collection<String> extra) {
        JsonObject json = HyperparametersJson.write(hp);
        JsonObject defaults = HyperparametersJson.write(Hyperparameters.defaultsFor(hp.policy()));
        defaults.addProperty("policy", Hyperparameters.DEFAULTS.policy().label());
        Map<String, String> v = values(hp);
        List<String> order = new ArrayList<>(LEAD);
        for (String key : v.keySet()) {
            if (!order.contains(key)) {
                order.add(key);
            }
        }
        List<String> parts = new ArrayList<>();
        for (String key : order) {
            // compared as written, not as shown: α 2.5001e-3 shows as "α 2.5e-3" but is not the default
            if (!json.get(key).equals(defaults.get(key)) || extra.contains(key)) {
                parts.add(setting(key, v.get(key)));
            }
        }
        if (parts.isEmpty()) {
            parts.add("defaults");
        }
        parts.add("seed " + hp.seed());
        return String.join(" · ", parts);
    }

    /** One setting: "α 3e-3", "16 workers", "optimizer adam". */
    public static String setting(String key, String value) {
        if (key.equals("envs")) {
            return value + " workers";
        }
        return symbol(key) + " " + value;
    }

    public static String symbol(String key) {
        return SYMBOLS.getOrDefault(key, key.replace('_', ' '));
    }

    private static String value(JsonElement e) {
        if (!e.isJsonPrimitive()) {
            return e.toString();
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean() ? "on" : "off";
        }
        return p.isNumber() ? number(p.getAsDouble()) : p.getAsString();
    }

    /** 0.003 → "3e-3", 0.0025 → "2.5e-3", 0.98 → "0.98", 16 → "16". */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 0.01) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros();
            int exponent = d.precision() - d.scale() - 1;
            BigDecimal mantissa = d.movePointRight(-exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
