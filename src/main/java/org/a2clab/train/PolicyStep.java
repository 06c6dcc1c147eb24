package org.a2clab.train;

import org.a2clab.agent.GaussianAction;
import org.a2clab.env.StepResult;

/**
 * One step a policy took in an environment ({@link Actions#act}): the action as two-action views
 * read it (0 left, 1 right; for a Gaussian policy the direction of the applied force), the
 * Gaussian details (null for a categorical policy) and what the environment answered.
 */
public record PolicyStep(int action, GaussianAction gaussian, StepResult result) {
}
