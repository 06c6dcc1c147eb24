package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.a2clab.agent.ActorCritic;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeCommandTest {
    @Test
    void printsOneJsonLinePerFrameOfASavedModel(@TempDir Path tmp) throws Exception {
        DjlRuntime.prepareTrainingThread();
        Hyperparameters hp = Hyperparameters.DEFAULTS.withHiddenSize(16);
        try (ActorCritic net = new ActorCritic(16, 2, Device.cpu())) {
            ModelBundle.save(tmp.resolve("b"), net, new TrainingResult(false, 0, 0, 0, 0, Double.NaN, "CPU", hp));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Cli.run(new String[] {"episode", "--model", tmp.resolve("b").toString(), "--greedy",
                "--seed", "3", "--n-steps", "4"}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, rc);
        String[] lines = out.toString().trim().split("\n");
        JsonObject last = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
        assertEquals(lines.length - 1, last.get("t").getAsInt());
        assertTrue(last.get("terminated").getAsBoolean() || last.get("truncated").getAsBoolean());
        JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals(first.get("n_step_return").getAsDouble() - first.get("value").getAsDouble(),
                first.get("advantage").getAsDouble(), 1e-6);
    }

    @Test
    void missingModelIsBadInput() {
        int rc = Cli.run(new String[] {"episode"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(2, rc);
    }
}
