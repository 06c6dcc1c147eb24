package org.a2clab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.a2clab.experiment.TrainingRun;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** summary.json's "pairwise": one entry per pair of values in --vary order, numbers counted by hand. */
class SweepPairwiseTest {
    private static TrainingRun.Outcome run(boolean solved, long steps, double finalReturn) {
        TrainingResult r = new TrainingResult(solved, steps, 10, 10, 1, finalReturn, "cpu", Hyperparameters.DEFAULTS);
        return new TrainingRun.Outcome(r, solved ? steps : -1, null, List.of(), 0, 1, null);
    }

    @Test
    void pairsInVaryOrderWithHandCountedProbabilities() {
        List<SweepCommand.Group> groups = new ArrayList<>();
        for (String v : new String[] {"0.001", "0.0025", "0.005"}) {
            groups.add(new SweepCommand.Group(v, null));
        }
        List<List<TrainingRun.Outcome>> runs = List.of(
                List.of(run(true, 100_000, 480), run(false, 400_000, 300)),
                List.of(run(true, 80_000, 476), run(true, 90_000, 490)),
                List.of());
        List<SweepPairwise.Pair> pairs = SweepPairwise.of(groups, runs);
        JsonArray json = SweepPairwise.json(pairs);
        assertEquals(3, json.size());
        String[][] order = {{"0.001", "0.0025"}, {"0.001", "0.005"}, {"0.0025", "0.005"}};
        for (int i = 0; i < 3; i++) {
            JsonObject o = json.get(i).getAsJsonObject();
            assertEquals(Double.parseDouble(order[i][0]), o.get("a").getAsDouble());
            assertEquals(Double.parseDouble(order[i][1]), o.get("b").getAsDouble());
        }
        JsonObject first = json.get(0).getAsJsonObject();
        // steps {100k, ∞} vs {80k, 90k}: a is never faster → 0; the bootstrap can do no better: [0, 0]
        assertEquals(0.0, first.get("p_a_faster").getAsDouble());
        assertEquals("[0.0,0.0]", first.get("p_a_faster_ci95").toString());
        // returns {480, 300} vs {476, 490}: 480 beats 476 only → 1/4
        assertEquals(0.25, first.get("p_a_higher_return").getAsDouble());
        // the third value has no finished run: its pairs say so with nulls
        JsonObject empty = json.get(1).getAsJsonObject();
        assertTrue(empty.get("p_a_faster").isJsonNull() && empty.get("p_a_higher_return_ci95").isJsonNull());

        List<String> csv = SweepPairwise.csv(pairs);
        assertTrue(csv.get(0).startsWith("0.001,0.0025,0.0000,0.0000,0.0000,0.2500,"), csv.get(0));
        assertEquals("0.001,0.005,,,,,,", csv.get(1));
        JsonObject seeds = SweepPairwise.seedsNeeded(pairs).get(0).getAsJsonObject();
        assertEquals(2, seeds.get("faster").getAsInt(), "a point interval [0, 0]: the minimum");
        assertTrue(seeds.get("higher_return").getAsInt() >= 2);
    }
}
