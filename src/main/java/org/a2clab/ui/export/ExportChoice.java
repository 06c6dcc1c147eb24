package org.a2clab.ui.export;

/**
 * Which weights Export writes: the network as it is now, or the one that scored best in the
 * run's periodic greedy evaluations (A2C's policy can collapse after solving; the best copy is
 * what a learner usually wants to keep).
 */
public enum ExportChoice {
    CURRENT, BEST
}
