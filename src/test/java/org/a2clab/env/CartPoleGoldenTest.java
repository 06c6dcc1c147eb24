package org.a2clab.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the Gymnasium 1.0 CartPole-v1 trajectories (shared/golden) bit for bit. */
class CartPoleGoldenTest {

    static List<JsonObject> trajectories() throws Exception {
        try (Reader r = new InputStreamReader(
                CartPoleGoldenTest.class.getResourceAsStream("/golden/cartpole_v1_trajectories.json"),
                StandardCharsets.UTF_8)) {
            List<JsonObject> out = new ArrayList<>();
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("trajectories")) {
                out.add(e.getAsJsonObject());
            }
            return out;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trajectories")
    void replaysEveryStepBitForBit(JsonObject trajectory) {
        double[] s0 = doubles(trajectory.getAsJsonArray("initial_state"));
        CartPole env = new CartPole(0);
        float[] obs = env.setState(s0[0], s0[1], s0[2], s0[3]);
        assertFloatBits(floats(trajectory.getAsJsonArray("initial_obs")), obs, "initial obs");
        int steps = 0;
        for (JsonElement e : trajectory.getAsJsonArray("steps")) {
            JsonObject step = e.getAsJsonObject();
            int t = step.get("t").getAsInt();
            assertDoubleBits(doubles(step.getAsJsonArray("state")), env.state(), "state t=" + t);
            StepResult r = env.step(step.get("action").getAsInt());
            assertDoubleBits(doubles(step.getAsJsonArray("next_state")), env.state(), "next_state t=" + t);
            assertFloatBits(floats(step.getAsJsonArray("next_obs")), r.observation(), "next_obs t=" + t);
            assertEquals(step.get("reward").getAsFloat(), r.reward(), "reward t=" + t);
            assertEquals(step.get("terminated").getAsBoolean(), r.terminated(), "terminated t=" + t);
            assertEquals(step.get("truncated").getAsBoolean(), r.truncated(), "truncated t=" + t);
            steps++;
        }
        assertEquals(trajectory.get("length").getAsInt(), steps);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trajectories")
    void actionsFollowTheDocumentedRules(JsonObject trajectory) {
        long seed = trajectory.get("seed").getAsLong();
        boolean alternating = trajectory.get("policy").getAsString().equals("alternating");
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (JsonElement e : trajectory.getAsJsonArray("steps")) {
            JsonObject step = e.getAsJsonObject();
            int t = step.get("t").getAsInt();
            x = x * 6364136223846793005L + 1442695040888963407L;
            int expected = alternating ? (int) ((7L * t + seed) % 2) : (int) (x >>> 63);
            assertEquals(expected, step.get("action").getAsInt(), "action t=" + t);
        }
    }

    @org.junit.jupiter.api.Test
    void truncatesAtStep500() {
        CartPole env = new CartPole(3);
        env.setState(0, 0, 0, 0);
        StepResult last = null;
        for (int t = 0; t < 500; t++) {
            last = env.step(t % 2);
            if (t < 499) {
                assertTrue(!last.truncated() && !last.terminated(), "ended early at t=" + t);
            }
            // put the pole back upright; the step counter keeps running
            double[] s = env.state();
            env.perturb(-s[0], -s[1], -s[2], -s[3]);
        }
        assertTrue(last.truncated(), "step 500 truncates");
        assertEquals(1.0f, last.reward());
    }

    @org.junit.jupiter.api.Test
    void terminatesWhenCartLeavesTrack() {
        CartPole env = new CartPole(0);
        env.setState(2.39, 1.0, 0.0, 0.0);
        StepResult r = env.step(1);
        assertTrue(r.terminated(), "x = " + env.state()[0]);
        assertEquals(1.0f, r.reward(), "the terminating step still pays 1");
    }

    @org.junit.jupiter.api.Test
    void resetDrawsUniformlyWithinFiveHundredthsAndIsSeeded() {
        CartPole a = new CartPole(42);
        CartPole b = new CartPole(42);
        for (int i = 0; i < 1000; i++) {
            float[] oa = a.reset();
            float[] ob = b.reset();
            for (int k = 0; k < 4; k++) {
                assertTrue(Math.abs(a.state()[k]) <= 0.05);
                assertEquals(oa[k], ob[k]);
            }
            assertEquals(0, a.elapsedSteps());
        }
    }

    private static void assertDoubleBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < 4; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: expected " + expected[i] + " got " + actual[i]);
        }
    }

    private static void assertFloatBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < 4; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    what + "[" + i + "]: expected " + expected[i] + " got " + actual[i]);
        }
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(a.get(i).getAsString());
        }
        return out;
    }

    private static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Double.parseDouble(a.get(i).getAsString());
        }
        return out;
    }
}
