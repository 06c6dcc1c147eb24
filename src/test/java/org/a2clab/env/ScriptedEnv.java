package org.a2clab.env;

/**
 * A scripted environment for tests: every episode lasts {@code length} steps and then terminates
 * or is truncated; each step pays 1. The observation is {@code (elapsedSteps / 10, 0, 0, 0)}, so a
 * test can tell the final observation of an episode (x = length / 10) from the next reset one
 * (x = 0). Actions are ignored.
 */
public final class ScriptedEnv implements Environment {
    private final int length;
    private final boolean terminates;
    private int elapsed;

    private ScriptedEnv(int length, boolean terminates) {
        this.length = length;
        this.terminates = terminates;
    }

    /** Episodes that end by the time limit after {@code length} steps. */
    public static ScriptedEnv truncatedAfter(int length) {
        return new ScriptedEnv(length, false);
    }

    /** Episodes that fail (terminate) on their {@code length}-th step. */
    public static ScriptedEnv terminatedAfter(int length) {
        return new ScriptedEnv(length, true);
    }

    /** A vector env over these scripted environments. */
    public static VectorEnv vector(Environment... envs) {
        return new VectorEnv(envs);
    }

    /** x of the observation after {@code steps} steps of an episode. */
    public static float x(int steps) {
        return steps / 10f;
    }

    @Override
    public float[] reset() {
        elapsed = 0;
        return observation();
    }

    @Override
    public StepResult step(int action) {
        elapsed++;
        boolean end = elapsed == length;
        return new StepResult(observation(), 1f, end && terminates, end && !terminates);
    }

    @Override
    public StepResult stepContinuous(double action) {
        return step(0);
    }

    private float[] observation() {
        return new float[] {x(elapsed), 0, 0, 0};
    }

    @Override
    public double[] state() {
        return new double[] {x(elapsed), 0, 0, 0};
    }

    @Override
    public int elapsedSteps() {
        return elapsed;
    }
}
