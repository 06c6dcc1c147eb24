package org.a2clab.ui.training;

/** A live setting changed mid-run at {@code envSteps}: e.g. "α 3.0e-03 → 1.0e-04". */
public record LiveChange(long envSteps, String text) {
}
