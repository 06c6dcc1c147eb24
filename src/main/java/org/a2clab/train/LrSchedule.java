package org.a2clab.train;

import java.util.Locale;

/**
 * How the learning rate α changes over a run. {@code LINEAR} anneals α to {@code lrFinal} over
 * {@code lrDecaySteps} env steps (as SB3's linear schedules); {@code DROP_ON_SOLVE} multiplies α by
 * {@code lrDrop} once the mean return of the last 100 episodes first reaches the target, so a
 * solved policy moves in smaller steps and is less likely to collapse.
 */
public enum LrSchedule {
    CONSTANT, LINEAR, DROP_ON_SOLVE;

    /** α for the next update, after {@code envSteps} env steps; {@code solved}: target reached once. */
    public double rate(Hyperparameters hp, long envSteps, boolean solved) {
        switch (this) {
            case LINEAR:
                double progress = Math.min(1.0, (double) envSteps / hp.lrDecaySteps());
                return hp.learningRate() + (hp.lrFinal() - hp.learningRate()) * progress;
            case DROP_ON_SOLVE:
                return solved ? hp.learningRate() * hp.lrDrop() : hp.learningRate();
            default:
                return hp.learningRate();
        }
    }

    /** The CLI's and the manifest's name: constant, linear, drop-on-solve. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LrSchedule parse(String label) {
        for (LrSchedule s : values()) {
            if (s.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("--lr-schedule must be constant, linear or drop-on-solve, got '"
                + label + "'");
    }
}
