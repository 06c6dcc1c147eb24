package org.a2clab.agent;

/**
 * What a view makes of one step, one method per distribution: the step's distribution calls its
 * own ({@link ActionDistribution#view}), so a view that shows a categorical push and a Gaussian
 * record differently never tests which kind took the step (a visitor). Plain Java: the painter
 * and the inspector implement it.
 *
 * @param <T> what the view makes: a row's text, an arrow, the rows it shows
 */
public interface StepView<T> {
    /** A categorical step: {@code action} 0 (left) or 1 (right), taken with probability {@code prob}. */
    T categorical(int action, float prob);

    /** A Gaussian step: its μ(s), σ(s), the a taken, the applied force and log π(a|s). */
    T gaussian(GaussianAction details);
}
