package org.a2clab.env;

/**
 * One episodic environment with two discrete actions, as {@link VectorEnv} steps it. CartPole is
 * the only one users train on; tests drive the learner through scripted ones.
 */
public interface Environment {
    /** Starts a new episode and returns its first observation. */
    float[] reset();

    /** Applies {@code action} for one step. */
    StepResult step(int action);

    /** The exact internal state, for drawing and recording. */
    double[] state();

    /** Steps taken in the current episode. */
    int elapsedSteps();
}
