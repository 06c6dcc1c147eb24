package org.a2clab.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The continuous-force CartPole: force 10 N × clip(a, −1, 1), the discrete physics otherwise. */
class ContinuousCartPoleTest {

    static java.util.List<JsonObject> trajectories() throws Exception {
        return CartPoleGoldenTest.trajectories();
    }

    /** a = ±1 replays the Gymnasium trajectories bit for bit, as the discrete actions do. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("trajectories")
    void plusMinusOneReplaysTheGoldenTrajectoriesBitForBit(JsonObject trajectory) {
        double[] s0 = doubles(trajectory.getAsJsonArray("initial_state"));
        CartPole env = new CartPole(0);
        env.setState(s0[0], s0[1], s0[2], s0[3]);
        int steps = 0;
        for (JsonElement e : trajectory.getAsJsonArray("steps")) {
            JsonObject step = e.getAsJsonObject();
            int t = step.get("t").getAsInt();
            double a = step.get("action").getAsInt() == 1 ? 1.0 : -1.0;
            StepResult r = env.stepContinuous(a);
            double[] expected = doubles(step.getAsJsonArray("next_state"));
            for (int i = 0; i < 4; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(env.state()[i]),
                        "next_state[" + i + "] t=" + t);
                assertEquals(Float.floatToIntBits((float) expected[i]), Float.floatToIntBits(r.observation()[i]),
                        "next_obs[" + i + "] t=" + t);
            }
            assertEquals(step.get("terminated").getAsBoolean(), r.terminated(), "terminated t=" + t);
            assertEquals(step.get("truncated").getAsBoolean(), r.truncated(), "truncated t=" + t);
            steps++;
        }
        assertEquals(trajectory.get("length").getAsInt(), steps);
    }

    /** Other actions against the CartPole-v1 equations written out here with force = 10·a. */
    @ParameterizedTest
    @ValueSource(doubles = {0.25, -0.6, 0.0, 0.999, -0.01})
    void otherActionsFollowTheEquationsWithTheScaledForce(double a) {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] s = {random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-0.2, 0.2),
                random.nextDouble(-1, 1)};
            CartPole env = new CartPole(0);
            env.setState(s[0], s[1], s[2], s[3]);
            StepResult r = env.stepContinuous(a);
            double[] expected = oracle(s, 10.0 * a);
            assertArrayEquals(expected, env.state(), 0.0, "a = " + a + " from " + java.util.Arrays.toString(s));
            boolean fell = Math.abs(expected[0]) > 2.4 || Math.abs(expected[2]) > 12 * 2 * Math.PI / 360;
            assertEquals(fell, r.terminated());
            assertEquals(1f, r.reward());
        }
    }

    @Test
    void zeroForceFromRestStaysAtRest() {
        CartPole env = new CartPole(0);
        env.setState(0, 0, 0, 0);
        env.stepContinuous(0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, env.state(), 0.0);
    }

    @Test
    void actionsBeyondOneAreClippedToTenNewtons() {
        assertEquals(2.5, CartPole.force(0.25), 0.0);
        assertEquals(10.0, CartPole.force(1.7), 0.0);
        assertEquals(-10.0, CartPole.force(-42), 0.0);
        assertEquals(-10.0, CartPole.force(-1), 0.0);
        for (double big : new double[] {1.0000001, 1.7, 1e9}) {
            CartPole clipped = new CartPole(0);
            CartPole discrete = new CartPole(0);
            clipped.setState(0.01, 0.2, -0.03, 0.1);
            discrete.setState(0.01, 0.2, -0.03, 0.1);
            clipped.stepContinuous(big);
            discrete.step(1);
            assertArrayEquals(discrete.state(), clipped.state(), 0.0, "a = " + big);
            clipped.stepContinuous(-big);
            discrete.step(0);
            assertArrayEquals(discrete.state(), clipped.state(), 0.0, "a = " + -big);
        }
    }

    @Test
    void nonFiniteActionsAreRefused() {
        CartPole env = new CartPole(0);
        env.reset();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.stepContinuous(bad));
            assertTrue(e.getMessage().contains(Double.toString(bad)), e.getMessage());
        }
        assertEquals(0, env.elapsedSteps(), "a refused action takes no step");
    }

    @Test
    void vectorEnvStepsContinuousActionsLikeDiscreteOnesIncludingAutoReset() {
        VectorEnv discrete = new VectorEnv(3, 11);
        VectorEnv continuous = new VectorEnv(3, 11);
        SplittableRandom random = new SplittableRandom(3);
        int episodes = 0;
        for (int t = 0; t < 400; t++) {
            int[] actions = new int[3];
            double[] forces = new double[3];
            for (int e = 0; e < 3; e++) {
                actions[e] = random.nextInt(2);
                forces[e] = actions[e] == 1 ? 1.0 : -1.0;
            }
            discrete.step(actions);
            continuous.stepContinuous(forces);
            for (int e = 0; e < 3; e++) {
                assertArrayEquals(discrete.observations()[e], continuous.observations()[e], "t=" + t);
                assertEquals(discrete.done(e), continuous.done(e));
                if (continuous.done(e)) {
                    episodes++;
                    assertEquals(discrete.finishedReturn(e), continuous.finishedReturn(e));
                    assertArrayEquals(discrete.finalObservation(e), continuous.finalObservation(e));
                }
            }
        }
        assertTrue(episodes > 5, "episodes ended and auto-reset: " + episodes);
    }

    /** Gymnasium's CartPole-v1 Euler step for a given force (same constants and grouping). */
    private static double[] oracle(double[] s, double force) {
        double gravity = 9.8;
        double massPole = 0.1;
        double totalMass = massPole + 1.0;
        double length = 0.5;
        double polemassLength = massPole * length;
        double tau = 0.02;
        double cos = Math.cos(s[2]);
        double sin = Math.sin(s[2]);
        double temp = (force + polemassLength * (s[3] * s[3]) * sin) / totalMass;
        double thetaacc = (gravity * sin - cos * temp) / (length * (4.0 / 3.0 - massPole * (cos * cos) / totalMass));
        double xacc = temp - polemassLength * thetaacc * cos / totalMass;
        return new double[] {s[0] + tau * s[1], s[1] + tau * xacc, s[2] + tau * s[3], s[3] + tau * thetaacc};
    }

    private static double[] doubles(com.google.gson.JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(a.get(i).getAsString());
        }
        return out;
    }
}
