package org.a2clab.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.GaussianPolicy;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/**
 * {@code manifest.json}: what a bundle holds and how it was made. {@code training} carries the
 * hyperparameters and seed ({@link TrainingResult#hp()}) and the run's statistics;
 * {@code checkpoint} says whether the weights are the final or the best-evaluated ones (bundles
 * written before it existed read as final, unevaluated). The top-level {@code policy} (categorical or
 * gaussian; absent in bundles written before the Gaussian policy: categorical) says which actor the
 * network has; a Gaussian one's architecture records the clamp of log σ. The format version
 * stays 1: a reader that predates the Gaussian policy refuses such a bundle (its architecture has
 * no {@code actions}), it cannot misread it.
 */
public record Manifest(int formatVersion, int hiddenSize, TrainingResult training, Versions versions,
        Instant created, Checkpoint checkpoint) {
    /** A continuous action of one dimension: the force's a. */
    static final int GAUSSIAN_ACTION_DIM = 1;

    /** The network's policy kind, as its hyperparameters say. */
    public PolicyKind policy() {
        return training.hp().policy();
    }

    /** Bumped whenever a reader of the previous version could misread a new bundle. */
    public static final int FORMAT_VERSION = 1;
    static final String FILE = "manifest.json";
    static final String ACTIVATION = "relu";

    public String toJson() {
        JsonObject m = new JsonObject();
        m.addProperty("format", "a2c-lab-model");
        m.addProperty("format_version", formatVersion);
        m.addProperty("policy", policy().label());
        JsonObject arch = new JsonObject();
        arch.addProperty("input_size", ActorCritic.OBSERVATION_SIZE);
        JsonArray hidden = new JsonArray();
        hidden.add(hiddenSize);
        hidden.add(hiddenSize);
        arch.add("hidden_sizes", hidden);
        arch.addProperty("activation", ACTIVATION);
        ACTOR_FIELDS.get(policy()).write(arch);
        arch.addProperty("value_head", true);
        m.add("architecture", arch);

        m.add("hyperparameters", HyperparametersJson.write(training.hp()));

        JsonObject t = new JsonObject();
        t.addProperty("env_steps", training.envSteps());
        t.addProperty("updates", training.updates());
        t.addProperty("episodes", training.episodes());
        // NaN (no finished episode yet) is not JSON: written as null.
        t.add("mean_return_last100", Double.isFinite(training.meanReturnLast100())
                ? new JsonPrimitive(training.meanReturnLast100()) : JsonNull.INSTANCE);
        t.addProperty("solved", training.solved());
        // the first time the run met the rule; mean_return_last100 above is the mean at export
        t.add("solved_at_step", training.solved() ? new JsonPrimitive(training.solvedAtStep()) : JsonNull.INSTANCE);
        t.addProperty("wall_s", training.trainingSeconds());
        t.addProperty("device", training.device());
        m.add("training", t);
        m.add("checkpoint", checkpointJson(checkpoint));

        JsonObject v = new JsonObject();
        v.addProperty("a2c_lab", versions.a2cLab());
        v.addProperty("djl", versions.djl());
        v.addProperty("pytorch", versions.pytorch());
        m.add("versions", v);
        m.addProperty("created", created.toString());
        return FiniteJson.pretty(m, FiniteJson.logged(FILE)) + "\n";
    }

    /** Parses and validates a manifest; every problem names the field. */
    public static Manifest parse(String text) throws BundleException {
        JsonElement root;
        try {
            root = StrictJson.parse(text);
        } catch (StrictJson.Invalid e) {
            throw new BundleException(FILE + " " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new BundleException(FILE + " must hold a JSON object");
        }
        JsonObject m = root.getAsJsonObject();
        long format = integer(m, "format_version", "format_version", Long.MIN_VALUE, Long.MAX_VALUE);
        if (format > FORMAT_VERSION) {
            throw new BundleException(FILE + " has format version " + format + ", newer than the "
                    + FORMAT_VERSION + " this A2C Lab reads: update A2C Lab to open it");
        }
        if (format < 1) {
            throw new BundleException(FILE + " has invalid format version " + format);
        }

        PolicyKind policy = PolicyKind.CATEGORICAL;
        if (m.has("policy")) {
            String label = string(m, "policy", "policy");
            try {
                policy = PolicyKind.parse(label);
            } catch (IllegalArgumentException e) {
                throw new BundleException(FILE + ": policy must be categorical or gaussian, got " + StrictJson.quote(m.get("policy")));
            }
        }
        JsonObject arch = object(m, "architecture");
        int hidden = architecture(arch, policy);

        JsonObject h = object(m, "hyperparameters");
        Hyperparameters hp;
        try {
            hp = HyperparametersJson.read(h, "hyperparameters");
        } catch (IllegalArgumentException e) {
            throw new BundleException(FILE + ": invalid hyperparameters: " + e.getMessage());
        }
        if (hp.policy() != policy) {
            throw new BundleException(FILE + ": policy is " + policy.label() + " but hyperparameters.policy says "
                    + hp.policy().label());
        }
        if (hp.hiddenSize() != hidden) {
            throw new BundleException(FILE + ": hyperparameters.hidden is " + hp.hiddenSize()
                    + " but architecture.hidden_sizes says " + hidden);
        }

        JsonObject t = object(m, "training");
        JsonElement mean = t.get("mean_return_last100");
        double meanReturn = mean == null || mean.isJsonNull() ? Double.NaN
                : number(t, "mean_return_last100", "training.mean_return_last100");
        boolean solved = bool(t, "solved", "training.solved");
        long envSteps = count(t, "env_steps");
        // the solve's training time is not recorded in a manifest: NaN
        // Older bundles have no solved_at_step: a solved one was solved by its last step at the latest.
        JsonElement at = t.get("solved_at_step");
        long solvedAt = at == null || at.isJsonNull() ? (solved ? envSteps : -1) : count(t, "solved_at_step");
        if (solved != solvedAt >= 0) {
            throw new BundleException(FILE + ": training.solved and training.solved_at_step disagree");
        }
        TrainingResult training = new TrainingResult(solved, envSteps, count(t, "updates"),
                count(t, "episodes"), number(t, "wall_s", "training.wall_s"),
                meanReturn, string(t, "device", "training.device"), hp, solvedAt, Double.NaN);

        JsonObject v = object(m, "versions");
        Versions versions = new Versions(string(v, "a2c_lab", "versions.a2c_lab"),
                string(v, "djl", "versions.djl"), string(v, "pytorch", "versions.pytorch"));
        Instant created;
        try {
            created = Instant.parse(string(m, "created", "created"));
        } catch (DateTimeParseException e) {
            throw new BundleException(FILE + ": created is not an ISO-8601 instant");
        }
        return new Manifest((int) format, hidden, training, versions, created, checkpoint(m));
    }

    private static JsonObject checkpointJson(Checkpoint c) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", c.label());
        o.add("eval_greedy_mean_return", c.evaluated() ? new JsonPrimitive(c.evalReturn()) : JsonNull.INSTANCE);
        o.add("eval_env_steps", c.evaluated() ? new JsonPrimitive(c.evalEnvSteps()) : JsonNull.INSTANCE);
        o.addProperty("eval_episodes", c.evalEpisodes());
        return o;
    }

    private static Checkpoint checkpoint(JsonObject m) throws BundleException {
        if (!m.has("checkpoint")) {
            return Checkpoint.FINAL_UNEVALUATED;
        }
        JsonObject c = object(m, "checkpoint");
        String kind = string(c, "kind", "checkpoint.kind");
        if (!kind.equals("best") && !kind.equals("final")) {
            throw new BundleException(FILE + ": checkpoint.kind must be best or final, got '" + kind + "'");
        }
        JsonElement step = c.get("eval_env_steps");
        if (step == null || step.isJsonNull()) {
            return kind.equals("best") ? new Checkpoint(Checkpoint.Kind.BEST, Double.NaN, -1, 0)
                    : Checkpoint.FINAL_UNEVALUATED;
        }
        return new Checkpoint(kind.equals("best") ? Checkpoint.Kind.BEST : Checkpoint.Kind.FINAL,
                number(c, "eval_greedy_mean_return", "checkpoint.eval_greedy_mean_return"),
                integer(c, "eval_env_steps", "checkpoint.eval_env_steps", 0, Long.MAX_VALUE),
                (int) integer(c, "eval_episodes", "checkpoint.eval_episodes", 0, Integer.MAX_VALUE));
    }

    /** The architecture fields that describe each distribution's actor, written and checked. */
    private interface ActorFields {
        void write(JsonObject arch);

        void check(JsonObject arch) throws BundleException;
    }

    private static final Map<PolicyKind, ActorFields> ACTOR_FIELDS = Map.of(
            PolicyKind.CATEGORICAL, new ActorFields() {
                @Override
                public void write(JsonObject arch) {
                    arch.addProperty("actions", ActorCritic.ACTIONS);
                }

                @Override
                public void check(JsonObject arch) throws BundleException {
                    if (integer(arch, "actions", "architecture.actions", 0, Long.MAX_VALUE) != ActorCritic.ACTIONS) {
                        throw new BundleException(FILE + ": architecture.actions must be " + ActorCritic.ACTIONS);
                    }
                }
            },
            PolicyKind.GAUSSIAN, new ActorFields() {
                @Override
                public void write(JsonObject arch) {
                    arch.addProperty("action_dim", GAUSSIAN_ACTION_DIM);
                    arch.addProperty("log_std_min", GaussianPolicy.LOG_STD_MIN);
                    arch.addProperty("log_std_max", GaussianPolicy.LOG_STD_MAX);
                }

                @Override
                public void check(JsonObject arch) throws BundleException {
                    if (integer(arch, "action_dim", "architecture.action_dim", 0, Long.MAX_VALUE)
                            != GAUSSIAN_ACTION_DIM) {
                        throw new BundleException(FILE + ": architecture.action_dim must be " + GAUSSIAN_ACTION_DIM);
                    }
                    // the network's σ depends on the clamp: a bundle made with other bounds would act differently here
                    if (number(arch, "log_std_min", "architecture.log_std_min") != GaussianPolicy.LOG_STD_MIN
                            || number(arch, "log_std_max", "architecture.log_std_max") != GaussianPolicy.LOG_STD_MAX) {
                        throw new BundleException(FILE + ": architecture.log_std_min/log_std_max must be "
                                + GaussianPolicy.LOG_STD_MIN + "/" + GaussianPolicy.LOG_STD_MAX
                                + ", the clamp this A2C Lab applies");
                    }
                }
            });

    private static int architecture(JsonObject arch, PolicyKind policy) throws BundleException {
        if (integer(arch, "input_size", "architecture.input_size", 0, Long.MAX_VALUE) != ActorCritic.OBSERVATION_SIZE) {
            throw new BundleException(FILE + ": architecture.input_size must be " + ActorCritic.OBSERVATION_SIZE);
        }
        ACTOR_FIELDS.get(policy).check(arch);
        if (!ACTIVATION.equals(string(arch, "activation", "architecture.activation"))) {
            throw new BundleException(FILE + ": architecture.activation must be " + ACTIVATION);
        }
        if (!bool(arch, "value_head", "architecture.value_head")) {
            throw new BundleException(FILE + ": architecture.value_head must be true");
        }
        JsonElement sizes = arch.get("hidden_sizes");
        if (sizes == null || !sizes.isJsonArray() || sizes.getAsJsonArray().size() != 2) {
            throw new BundleException(FILE + ": architecture.hidden_sizes must be two equal sizes [H, H]");
        }
        long h0 = integer(sizes.getAsJsonArray().get(0), "architecture.hidden_sizes[0]", 1, Integer.MAX_VALUE);
        long h1 = integer(sizes.getAsJsonArray().get(1), "architecture.hidden_sizes[1]", 1, Integer.MAX_VALUE);
        if (h0 != h1) {
            throw new BundleException(FILE + ": architecture.hidden_sizes must be two equal positive sizes, got ["
                    + h0 + ", " + h1 + "]");
        }
        return (int) h0;
    }

    private static JsonObject object(JsonObject o, String key) throws BundleException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new BundleException(FILE + ": '" + key + "' is missing or not an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonPrimitive primitive(JsonObject o, String key, String path) throws BundleException {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw new BundleException(FILE + ": '" + path + "' is missing");
        }
        return e.getAsJsonPrimitive();
    }

    /** A count in the training statistics: a non-negative integer. */
    private static long count(JsonObject t, String key) throws BundleException {
        return integer(t, key, "training." + key, 0, Long.MAX_VALUE);
    }

    private static long integer(JsonObject o, String key, String path, long min, long max) throws BundleException {
        JsonElement e = o.get(key);
        if (e == null) {
            throw new BundleException(FILE + ": '" + path + "' is missing");
        }
        return integer(e, path, min, max);
    }

    /**
     * An integer written as one (128, not 128.0 or 1.28e2: our writer never produces those, so a
     * file that has them was edited or made elsewhere) within [min, max].
     */
    private static long integer(JsonElement e, String path, long min, long max) throws BundleException {
        BigInteger v = StrictJson.integer(e);
        if (v == null) {
            throw new BundleException(FILE + ": '" + path + "' must be an integer, got " + StrictJson.quote(e));
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new BundleException(FILE + ": '" + path + "' is " + StrictJson.quote(e) + ", outside ["
                    + min + ", " + max + "]");
        }
        return v.longValueExact();
    }

    private static double number(JsonObject o, String key, String path) throws BundleException {
        JsonPrimitive p = primitive(o, key, path);
        if (!p.isNumber() || !Double.isFinite(p.getAsDouble())) {
            throw new BundleException(FILE + ": '" + path + "' must be a finite number, got " + StrictJson.quote(p));
        }
        return p.getAsDouble();
    }

    private static String string(JsonObject o, String key, String path) throws BundleException {
        JsonPrimitive p = primitive(o, key, path);
        if (!p.isString()) {
            throw new BundleException(FILE + ": '" + path + "' must be a string, got " + StrictJson.quote(p));
        }
        return p.getAsString();
    }

    private static boolean bool(JsonObject o, String key, String path) throws BundleException {
        JsonPrimitive p = primitive(o, key, path);
        if (!p.isBoolean()) {
            throw new BundleException(FILE + ": '" + path + "' must be true or false, got " + StrictJson.quote(p));
        }
        return p.getAsBoolean();
    }
}
