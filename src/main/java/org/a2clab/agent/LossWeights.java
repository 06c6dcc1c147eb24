package org.a2clab.agent;

/** The weights of the A2C loss's terms: c of the value loss and β of the entropy bonus. */
public record LossWeights(double valueCoef, double entropyCoef) {
}
