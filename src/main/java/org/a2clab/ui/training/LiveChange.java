package org.a2clab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.a2clab.train.Hyperparameters;

/** A live setting changed mid-run at {@code envSteps}: e.g. "α 3.0e-03 → 1.0e-04". */
public record LiveChange(long envSteps, String text) {
    /** The change from {@code from} to {@code to}, naming the live fields that differ. */
    static LiveChange between(long envSteps, Hyperparameters from, Hyperparameters to) {
        List<String> parts = new ArrayList<>();
        if (from.learningRate() != to.learningRate()) {
            parts.add(String.format(Locale.ROOT, "α %.1e → %.1e", from.learningRate(), to.learningRate()));
        }
        if (from.entropyCoef() != to.entropyCoef()) {
            parts.add(String.format(Locale.ROOT, "β %.4f → %.4f", from.entropyCoef(), to.entropyCoef()));
        }
        if (from.gamma() != to.gamma()) {
            parts.add(String.format(Locale.ROOT, "γ %.4f → %.4f", from.gamma(), to.gamma()));
        }
        if (from.valueCoef() != to.valueCoef()) {
            parts.add(String.format(Locale.ROOT, "c %.3f → %.3f", from.valueCoef(), to.valueCoef()));
        }
        if (from.maxGradNorm() != to.maxGradNorm()) {
            parts.add(String.format(Locale.ROOT, "max ‖∇‖ %.2f → %.2f", from.maxGradNorm(), to.maxGradNorm()));
        }
        if (from.gaeLambda() != to.gaeLambda()) {
            parts.add(String.format(Locale.ROOT, "λ %.3f → %.3f", from.gaeLambda(), to.gaeLambda()));
        }
        if (from.normalizeAdvantage() != to.normalizeAdvantage()) {
            parts.add("normalize A " + onOff(from.normalizeAdvantage()) + " → " + onOff(to.normalizeAdvantage()));
        }
        if (from.lrSchedule() != to.lrSchedule()) {
            parts.add("α schedule " + from.lrSchedule().label() + " → " + to.lrSchedule().label());
        }
        if (from.lrFinal() != to.lrFinal()) {
            parts.add(String.format(Locale.ROOT, "final α %.1e → %.1e", from.lrFinal(), to.lrFinal()));
        }
        if (from.lrDecaySteps() != to.lrDecaySteps()) {
            parts.add(String.format(Locale.ROOT, "decay steps %d → %d", from.lrDecaySteps(), to.lrDecaySteps()));
        }
        if (from.lrDrop() != to.lrDrop()) {
            parts.add(String.format(Locale.ROOT, "α drop %.3f → %.3f", from.lrDrop(), to.lrDrop()));
        }
        return new LiveChange(envSteps, String.join(", ", parts));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
