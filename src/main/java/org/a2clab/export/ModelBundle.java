package org.a2clab.export;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;

/** A trained model on disk: a directory with DJL parameters and a JSON manifest. */
public final class ModelBundle {
    public static final int FORMAT_VERSION = 1;
    public static final String PARAMS_NAME = "actor-critic";

    private ModelBundle() {
    }

    /** Writes the bundle to a temporary sibling directory, then renames it into place. */
    public static void save(Path dir, ActorCritic net, TrainingResult result) throws IOException {
        Path target = dir.toAbsolutePath();
        Path temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp");
        try {
            net.model().save(temp, PARAMS_NAME);
            Files.writeString(temp.resolve("manifest.json"),
                    new GsonBuilder().setPrettyPrinting().create().toJson(manifest(net, result)),
                    StandardCharsets.UTF_8);
            AtomicDirectory.replace(temp, target);
        } finally {
            AtomicDirectory.deleteRecursively(temp);
        }
    }

    static JsonObject manifest(ActorCritic net, TrainingResult r) {
        Hyperparameters hp = r.hp();
        JsonObject m = new JsonObject();
        m.addProperty("format_version", FORMAT_VERSION);
        JsonObject arch = new JsonObject();
        arch.addProperty("input_size", ActorCritic.OBSERVATION_SIZE);
        arch.addProperty("hidden_size", net.hiddenSize());
        arch.addProperty("actions", ActorCritic.ACTIONS);
        m.add("architecture", arch);
        JsonObject h = new JsonObject();
        h.addProperty("n_steps", hp.nSteps());
        h.addProperty("envs", hp.numEnvs());
        h.addProperty("lr", hp.learningRate());
        h.addProperty("entropy", hp.entropyCoef());
        h.addProperty("gamma", hp.gamma());
        h.addProperty("value_coef", hp.valueCoef());
        h.addProperty("max_grad_norm", hp.maxGradNorm());
        h.addProperty("hidden", hp.hiddenSize());
        h.addProperty("optimizer", hp.optimizer().name());
        h.addProperty("seed", hp.seed());
        h.addProperty("device", hp.device().name());
        m.add("hyperparameters", h);
        JsonObject t = new JsonObject();
        t.addProperty("env_steps", r.envSteps());
        t.addProperty("updates", r.updates());
        t.addProperty("episodes", r.episodes());
        t.addProperty("mean_return_last100", r.meanReturnLast100());
        t.addProperty("solved", r.solved());
        t.addProperty("wall_s", r.trainingSeconds());
        t.addProperty("device", r.device());
        m.add("training", t);
        JsonObject v = new JsonObject();
        v.addProperty("djl", ai.djl.engine.Engine.getDjlVersion());
        v.addProperty("pytorch", DjlRuntime.engineVersion());
        m.add("versions", v);
        m.addProperty("created", Instant.now().toString());
        return m;
    }
}
