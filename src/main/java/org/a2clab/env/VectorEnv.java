package org.a2clab.env;

/**
 * N environments (CartPoles) stepped together with auto-reset. When an episode ends, the env is
 * reset at once and the observation of the ended episode is kept in {@link #finalObservation(int)}
 * so a learner can bootstrap from V(final observation) on truncation. Running episode returns and lengths
 * survive across rollouts and reset on either flag.
 */
public final class VectorEnv {
    private final Environment[] envs;
    private final float[][] observations;
    private final float[][] finalObservations;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final float[] rewards;
    private final double[] runningReturns;
    private final int[] runningLengths;
    private final double[] finishedReturns;
    private final int[] finishedLengths;

    /** {@code count} CartPoles; env i is seeded with {@code seed + i} (as Gymnasium's vector envs do). */
    public VectorEnv(int count, long seed) {
        this(cartPoles(count, seed));
    }

    /** Steps these environments (tests pass scripted ones); resets each once. */
    VectorEnv(Environment[] envs) {
        int count = envs.length;
        this.envs = envs.clone();
        observations = new float[count][];
        finalObservations = new float[count][];
        terminated = new boolean[count];
        truncated = new boolean[count];
        rewards = new float[count];
        runningReturns = new double[count];
        runningLengths = new int[count];
        finishedReturns = new double[count];
        finishedLengths = new int[count];
        for (int i = 0; i < count; i++) {
            observations[i] = this.envs[i].reset();
        }
    }

    private static Environment[] cartPoles(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be ≥ 1, got " + count);
        }
        Environment[] envs = new Environment[count];
        for (int i = 0; i < count; i++) {
            envs[i] = new CartPole(seed + i);
        }
        return envs;
    }

    public int size() {
        return envs.length;
    }

    /** Steps every env with its discrete action; ended episodes are reset immediately. */
    public void step(int[] actions) {
        for (int i = 0; i < envs.length; i++) {
            record(i, envs[i].step(actions[i]));
        }
    }

    /** Steps every env with its real-valued action (see {@link Environment#stepContinuous}); auto-resets as {@link #step(int[])}. */
    public void stepContinuous(double[] actions) {
        for (int i = 0; i < envs.length; i++) {
            record(i, envs[i].stepContinuous(actions[i]));
        }
    }

    private void record(int i, StepResult r) {
        rewards[i] = r.reward();
        terminated[i] = r.terminated();
        truncated[i] = r.truncated();
        runningReturns[i] += r.reward();
        runningLengths[i]++;
        if (r.done()) {
            finalObservations[i] = r.observation();
            finishedReturns[i] = runningReturns[i];
            finishedLengths[i] = runningLengths[i];
            runningReturns[i] = 0;
            runningLengths[i] = 0;
            observations[i] = envs[i].reset();
        } else {
            finalObservations[i] = null;
            observations[i] = r.observation();
        }
    }

    /** Current observations (after auto-reset), one row per env; rows are not copied. */
    public float[][] observations() {
        return observations;
    }

    public float reward(int i) {
        return rewards[i];
    }

    public boolean terminated(int i) {
        return terminated[i];
    }

    public boolean truncated(int i) {
        return truncated[i];
    }

    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }

    /** The last observation of the episode env i just ended, or null if it did not end. */
    public float[] finalObservation(int i) {
        return finalObservations[i];
    }

    /** Return of the episode env i just ended (valid when {@link #done(int)}). */
    public double finishedReturn(int i) {
        return finishedReturns[i];
    }

    public int finishedLength(int i) {
        return finishedLengths[i];
    }

    /** The exact state of env i (after auto-reset). */
    public double[] state(int i) {
        return envs[i].state();
    }

    public int episodeStep(int i) {
        return envs[i].elapsedSteps();
    }
}
