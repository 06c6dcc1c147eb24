package org.a2clab.cli;

import static org.a2clab.cli.ModelCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.DjlRuntime;
import org.a2clab.cli.ModelCommandsTest.Run;
import org.a2clab.export.LoadedModel;
import org.a2clab.export.ModelBundle;
import org.a2clab.train.Checkpoint;
import org.a2clab.train.LrSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainBestCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void saveWritesTheFinalAndTheBestBundleEachSayingWhichItIs() throws Exception {
        Path dir = tmp.resolve("run");
        Path metrics = tmp.resolve("m.jsonl");
        Run r = cli("train", "--max-steps", "2000", "--envs", "4", "--hidden", "16", "--device", "cpu",
                "--eval-every", "500", "--eval-episodes", "2", "--gae-lambda", "0.9",
                "--normalize-advantage", "true", "--lr-schedule", "linear", "--save", dir.toString(),
                "--metrics", metrics.toString());
        assertEquals(0, r.status(), r.err());
        List<String> out = r.out().lines().toList();
        JsonObject summary = JsonParser.parseString(out.get(out.size() - 1)).getAsJsonObject();
        // evaluations at 500, 1000, 1500, 2000 (the last is also the final network's)
        assertEquals(4, summary.get("evaluations").getAsInt());
        assertEquals(4, Files.readAllLines(metrics).stream().filter(l -> l.contains("\"type\":\"eval\"")).count());
        JsonObject best = summary.getAsJsonObject("best");
        assertEquals(0.9, summary.getAsJsonObject("hyperparameters").get("gae_lambda").getAsDouble());

        DjlRuntime.prepareTrainingThread();
        try (LoadedModel bestModel = ModelBundle.load(dir.resolve("best"), DeviceChoice.CPU);
                LoadedModel finalModel = ModelBundle.load(dir, DeviceChoice.CPU)) {
            Checkpoint b = bestModel.manifest().checkpoint();
            assertEquals(Checkpoint.Kind.BEST, b.kind());
            assertEquals(best.get("env_steps").getAsLong(), b.evalEnvSteps());
            assertEquals(best.get("greedy_mean_return").getAsDouble(), b.evalReturn(), 0.005);
            assertEquals(2, b.evalEpisodes());
            Checkpoint f = finalModel.manifest().checkpoint();
            assertEquals(Checkpoint.Kind.FINAL, f.kind());
            assertEquals(2000, f.evalEnvSteps());
            assertTrue(b.evalReturn() >= f.evalReturn());
            assertEquals(LrSchedule.LINEAR, bestModel.hyperparameters().lrSchedule());
            assertTrue(bestModel.hyperparameters().normalizeAdvantage());
            assertEquals(0.9, finalModel.hyperparameters().gaeLambda());
        }
    }

    /** README "Speed": the evaluations do not change the training run; the same seed gives the same run with --eval-every 0. */
    @Test
    void evaluationsLeaveTheTrainingRunAsItIsWithoutThem() throws Exception {
        List<String> evaluated = trainedLines("500");
        List<String> plain = trainedLines("0");
        assertEquals(4, evaluated.stream().filter(l -> l.contains("\"type\":\"eval\"")).count());
        List<String> withoutEvaluations = evaluated.stream().filter(l -> !l.contains("\"type\":\"eval\"")).toList();
        assertTrue(plain.stream().anyMatch(l -> l.contains("\"type\":\"episode\"")), "episodes are compared too");
        assertEquals(plain, withoutEvaluations, "every update and episode line, bit for bit");
    }

    private List<String> trainedLines(String evalEvery) throws Exception {
        Path metrics = tmp.resolve("eval-every-" + evalEvery + ".jsonl");
        Run r = cli("train", "--seed", "7", "--max-steps", "2000", "--envs", "4", "--hidden", "16", "--device", "cpu",
                "--eval-every", evalEvery, "--eval-episodes", "2", "--metrics", metrics.toString());
        assertEquals(0, r.status(), r.err());
        return Files.readAllLines(metrics);
    }

    @Test
    void badEvaluationOptionsExitWith2() {
        Run r = cli("train", "--eval-episodes", "0");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--eval-episodes must be in [1, 100]"), r.err());
        Run s = cli("train", "--lr-schedule", "cosine");
        assertEquals(2, s.status());
        assertTrue(s.err().contains("constant, linear or drop-on-solve"), s.err());
    }
}
