package org.a2clab.env;

/**
 * One episodic environment, as {@link VectorEnv} steps it: two discrete actions ({@link #step(int)}) or
 * one real-valued action ({@link #stepContinuous(double)}). CartPole is
 * the only one users train on; tests drive the learner through scripted ones.
 */
public interface Environment {
    /** Starts a new episode and returns its first observation. */
    float[] reset();

    /** Applies {@code action} for one step. */
    StepResult step(int action);

    /** Applies the real-valued {@code action} for one step (CartPole: a force of 10 N × clip(a, −1, 1)). */
    StepResult stepContinuous(double action);

    /** The exact internal state, for drawing and recording. */
    double[] state();

    /** Steps taken in the current episode. */
    int elapsedSteps();
}
