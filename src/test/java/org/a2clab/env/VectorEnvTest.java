package org.a2clab.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorEnvTest {

    @Test
    void autoResetKeepsTheFinalObservationAndEpisodeReturn() {
        VectorEnv envs = new VectorEnv(2, 5);
        CartPole twin = new CartPole(5); // env 0 is seeded with seed + 0
        twin.reset();
        int[] left = {0, 0};
        int steps = 0;
        float[] twinObs;
        while (true) {
            StepResult r = twin.step(0);
            envs.step(left);
            steps++;
            twinObs = r.observation();
            if (r.done()) {
                break;
            }
            assertNull(envs.finalObservation(0));
            assertArrayEquals(twinObs, envs.observations()[0]);
            assertFalse(envs.done(0));
        }
        assertTrue(envs.terminated(0));
        assertFalse(envs.truncated(0));
        assertNotNull(envs.finalObservation(0));
        assertArrayEquals(twinObs, envs.finalObservation(0), "final observation is the ended episode's");
        assertEquals(steps, envs.finishedLength(0));
        assertEquals(steps, envs.finishedReturn(0), 0.0);
        // the env already started a new episode from a fresh reset state
        assertEquals(0, envs.episodeStep(0));
        for (float x : envs.observations()[0]) {
            assertTrue(Math.abs(x) <= 0.05f);
        }
    }

    /**
     * A balancing controller keeps env 1 up for the whole time limit: at step 500 the episode is
     * truncated, not terminated, and the final observation kept is step 500's, not the reset one
     * (bootstrapping from the reset observation is pitfall 2 of the design notes).
     */
    @Test
    void aTruncatedEpisodeKeepsItsFinalObservation() {
        VectorEnv envs = new VectorEnv(2, 11);
        CartPole twin = new CartPole(12); // env 1 is seeded with seed + 1
        float[] twinObs = twin.reset();
        for (int t = 1; t <= CartPole.MAX_EPISODE_STEPS; t++) {
            int action = balance(twinObs);
            assertArrayEquals(twinObs, envs.observations()[1], "step " + t);
            envs.step(new int[] {0, action});
            StepResult r = twin.step(action);
            twinObs = r.observation();
            if (t < CartPole.MAX_EPISODE_STEPS) {
                assertFalse(envs.done(1), "the controller keeps the pole up: step " + t);
            }
        }
        assertTrue(envs.truncated(1));
        assertFalse(envs.terminated(1));
        assertArrayEquals(twinObs, envs.finalObservation(1), "the observation at step 500");
        assertEquals(CartPole.MAX_EPISODE_STEPS, envs.finishedLength(1));
        assertEquals(CartPole.MAX_EPISODE_STEPS, envs.finishedReturn(1), 0.0);
        assertEquals(0, envs.episodeStep(1));
        for (float x : envs.observations()[1]) {
            assertTrue(Math.abs(x) <= 0.05f, "a fresh start state after the reset");
        }
        assertFalse(java.util.Arrays.equals(twinObs, envs.observations()[1]));
    }

    /** Pushes toward where the pole falls, with a little cart-centering. */
    private static int balance(float[] o) {
        return o[2] + 0.5f * o[3] + 0.01f * o[0] + 0.1f * o[1] > 0 ? 1 : 0;
    }

    @Test
    void runningReturnsSurviveAcrossCallsAndResetOnEitherFlag() {
        VectorEnv envs = new VectorEnv(3, 11);
        int[] actions = {1, 0, 1};
        int episodes = 0;
        int[] lengthSoFar = new int[3];
        for (int t = 0; t < 300; t++) {
            envs.step(actions);
            for (int e = 0; e < 3; e++) {
                lengthSoFar[e]++;
                if (envs.done(e)) {
                    assertEquals(lengthSoFar[e], envs.finishedLength(e), "whole episode, not a chunk");
                    assertEquals(lengthSoFar[e], envs.finishedReturn(e), 0.0);
                    lengthSoFar[e] = 0;
                    episodes++;
                }
            }
        }
        assertTrue(episodes > 10);
    }

    @Test
    void envsAreSeededIndependently() {
        VectorEnv envs = new VectorEnv(4, 100);
        float[][] obs = envs.observations();
        assertFalse(java.util.Arrays.equals(obs[0], obs[1]));
        CartPole third = new CartPole(102);
        assertArrayEquals(third.reset(), obs[2]);
    }

    @Test
    void aTruncatedEpisodeKeepsItsFinalObservationNotTheResetOne() {
        VectorEnv envs = ScriptedEnv.vector(ScriptedEnv.truncatedAfter(3), ScriptedEnv.terminatedAfter(2));
        int[] actions = {0, 0};
        envs.step(actions);
        envs.step(actions);
        assertTrue(envs.terminated(1));
        assertFalse(envs.truncated(1));
        assertArrayEquals(new float[] {ScriptedEnv.x(2), 0, 0, 0}, envs.finalObservation(1));
        assertFalse(envs.done(0));
        envs.step(actions);
        assertTrue(envs.truncated(0));
        assertFalse(envs.terminated(0), "a time limit is not a failure");
        assertArrayEquals(new float[] {ScriptedEnv.x(3), 0, 0, 0}, envs.finalObservation(0));
        assertArrayEquals(new float[] {ScriptedEnv.x(0), 0, 0, 0}, envs.observations()[0],
                "the env already reset");
        assertEquals(3, envs.finishedLength(0));
        assertEquals(3.0, envs.finishedReturn(0), 0.0);
    }
}
