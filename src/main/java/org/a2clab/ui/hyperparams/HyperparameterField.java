package org.a2clab.ui.hyperparams;

import java.util.Locale;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;

/** A slider-edited hyperparameter: its spec (range, meaning, live?), scale, label and format. */
public enum HyperparameterField {
    N_STEPS("n-step n", HyperparameterSpec.N_STEPS, SliderScale.LOG, "%.0f"),
    NUM_ENVS("workers", HyperparameterSpec.NUM_ENVS, SliderScale.LOG, "%.0f"),
    LEARNING_RATE("learning rate α", HyperparameterSpec.LEARNING_RATE, SliderScale.LOG, "%.2e"),
    ENTROPY_COEF("entropy β", HyperparameterSpec.ENTROPY_COEF, SliderScale.LINEAR, "%.4f"),
    GAMMA("discount γ", HyperparameterSpec.GAMMA, SliderScale.LINEAR, "%.4f"),
    VALUE_COEF("value coef c", HyperparameterSpec.VALUE_COEF, SliderScale.LINEAR, "%.3f"),
    MAX_GRAD_NORM("max grad norm", HyperparameterSpec.MAX_GRAD_NORM, SliderScale.LOG, "%.3g"),
    HIDDEN_SIZE("hidden units", HyperparameterSpec.HIDDEN_SIZE, SliderScale.LOG, "%.0f"),
    GAE_LAMBDA("GAE λ", HyperparameterSpec.GAE_LAMBDA, SliderScale.LINEAR, "%.3f"),
    LR_FINAL("final α", HyperparameterSpec.LR_FINAL, SliderScale.ZERO_THEN_LOG, "%.2e"),
    LR_DROP("α drop ×", HyperparameterSpec.LR_DROP, SliderScale.LINEAR, "%.3f"),
    INITIAL_LOG_STD("initial log σ", HyperparameterSpec.INITIAL_LOG_STD, SliderScale.LINEAR, "%+.2f");

    private final String label;
    private final HyperparameterSpec spec;
    private final SliderScale scale;
    private final String format;

    HyperparameterField(String label, HyperparameterSpec spec, SliderScale scale, String format) {
        this.label = label;
        this.spec = spec;
        this.scale = scale;
        this.format = format;
    }

    public String label() {
        return label;
    }

    /**
     * The name the settings panel shows for {@code spec} (a slider's label, or the row of a choice),
     * so dialogs speak the sliders' vocabulary; the CLI option is {@code spec.option()}.
     */
    public static String nameOf(HyperparameterSpec spec) {
        for (HyperparameterField f : values()) {
            if (f.spec == spec) {
                return f.label;
            }
        }
        switch (spec) {
            case POLICY:
                return "policy";
            case NORMALIZE_ADVANTAGE:
                return "normalize A";
            case LR_SCHEDULE:
                return "α schedule";
            case LR_DECAY_STEPS:
                return "decay over N steps";
            default:
                return spec.option().substring(2);
        }
    }

    public HyperparameterSpec spec() {
        return spec;
    }

    public double get(Hyperparameters hp) {
        return spec.get(hp);
    }

    /** {@code hp} with this field set to {@code value}, clamped to the valid range. */
    public Hyperparameters with(Hyperparameters hp, double value) {
        return spec.with(hp, Math.max(spec.min(), Math.min(spec.max(), value)));
    }

    public double toPosition(double value) {
        return scale.toPosition(value, spec.min(), spec.max());
    }

    public double toValue(double position) {
        return scale.toValue(position, spec.min(), spec.max());
    }

    public String format(double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
