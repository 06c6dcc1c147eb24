package org.a2clab.ui.hyperparams;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.a2clab.agent.DeviceChoice;
import org.a2clab.agent.OptimizerKind;
import org.a2clab.agent.PolicyKind;
import org.a2clab.train.HyperparameterSpec;
import org.a2clab.train.Hyperparameters;
import org.a2clab.train.LrSchedule;
import org.a2clab.train.MeasuredGrid;

/**
 * The edited hyperparameters, and which edits still wait for a retrain. {@link #appliedProperty()}
 * is bound by the composition root to the running session's values (null when none runs).
 */
public final class HyperparametersViewModel {
    // Properties
    private final ReadOnlyObjectWrapper<Hyperparameters> settings = new ReadOnlyObjectWrapper<>(Hyperparameters.DEFAULTS);
    private final ObjectProperty<Hyperparameters> applied = new SimpleObjectProperty<>();
    private final Function<PolicyKind, MeasuredGrid> measured;

    /** Notes against the tables shipped with A2C Lab. */
    public HyperparametersViewModel() {
        this(MeasuredGrid::bundled);
    }

    /** Notes against {@code measured}: each policy's grid of auto α's held-out results. */
    public HyperparametersViewModel(Function<PolicyKind, MeasuredGrid> measured) {
        this.measured = measured;
    }

    public ReadOnlyObjectProperty<Hyperparameters> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Hyperparameters settings() {
        return settings.get();
    }

    public ObjectProperty<Hyperparameters> appliedProperty() {
        return applied;
    }

    /** True while α follows workers × n (auto); moving α by hand turns it off, Defaults on. */
    public BooleanBinding learningRateAuto() {
        return Bindings.createBooleanBinding(() -> settings.get().learningRateDerived(), settings);
    }

    /**
     * The quiet note beside workers and n: what the measured table says about the chosen cell when
     * it lies outside the measured-good region or α was set by hand; empty otherwise.
     */
    public StringBinding measuredNote() {
        return Bindings.createStringBinding(
                () -> MeasuredNote.of(settings.get(), measured.apply(settings.get().policy())), settings);
    }

    /** True when {@code field} was edited but the running session still uses its old value. */
    public BooleanBinding pendingRetrain(HyperparameterField field) {
        return Bindings.createBooleanBinding(() -> applied.get() != null && !field.spec().appliesLive()
                && field.get(applied.get()) != field.get(settings.get()), settings, applied);
    }

    /** True while the edited schedule is {@code schedule}: its own settings matter only then. */
    public BooleanBinding scheduleIs(LrSchedule schedule) {
        return Bindings.createBooleanBinding(() -> settings.get().lrSchedule() == schedule, settings);
    }

    /** The labels of every field that waits for a retrain, e.g. "n-step n, workers"; empty if none. */
    public StringBinding pendingRetrainSummary() {
        return Bindings.createStringBinding(() -> {
            Hyperparameters running = applied.get();
            if (running == null || !running.needsRestartFor(settings.get())) {
                return "";
            }
            StringBuilder names = new StringBuilder();
            for (HyperparameterField f : HyperparameterField.values()) {
                if (!f.spec().appliesLive() && f.get(running) != f.get(settings.get())) {
                    names.append(names.length() == 0 ? "" : ", ").append(f.label());
                }
            }
            append(names, running.policy() != settings.get().policy(), "policy");
            append(names, running.seed() != settings.get().seed(), "seed");
            append(names, running.optimizer() != settings.get().optimizer(), "optimizer");
            append(names, running.device() != settings.get().device(), "device");
            return names.toString();
        }, settings, applied);
    }

    // Commands

    /** Sets one slider's value. Under auto α, workers and n move α with them; moving α itself turns auto off. */
    public void set(HyperparameterField field, double value) {
        Hyperparameters now = settings.get();
        Hyperparameters next = field.with(now, value);
        boolean follow = now.learningRateDerived() && field != HyperparameterField.LEARNING_RATE;
        settings.set(follow ? next.withDerivedLearningRate() : next);
    }

    /** On: α is derived from workers × n again. Off: α keeps its value, now set by hand. */
    public void setLearningRateAuto(boolean on) {
        Hyperparameters now = settings.get();
        settings.set(on ? now.withDerivedLearningRate() : now.withLearningRate(now.learningRate()));
    }

    /**
     * Switches the actor's distribution. Every setting still at the old policy's default moves to
     * the new policy's default (so α and β follow, see {@link Hyperparameters#defaultsFor}); a
     * setting the user changed keeps its value. An auto α counts as at its default: it takes the new
     * policy's default α, auto again where that policy has a batch rule.
     */
    public void setPolicy(PolicyKind policy) {
        Hyperparameters now = settings.get();
        if (policy == now.policy()) {
            return;
        }
        Hyperparameters from = Hyperparameters.defaultsFor(now.policy());
        Hyperparameters to = Hyperparameters.defaultsFor(policy);
        Hyperparameters next = now.withPolicy(policy);
        // α is at its default when auto, or at the old default's value
        boolean lrAtDefault = now.learningRateDerived() || now.learningRate() == from.learningRate();
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            if (spec != HyperparameterSpec.POLICY && spec != HyperparameterSpec.LEARNING_RATE
                    && spec.get(now) == spec.get(from)) {
                next = spec.with(next, spec.get(to));
            }
        }
        if (now.optimizer() == from.optimizer()) {
            next = next.withOptimizer(to.optimizer());
        }
        if (lrAtDefault) {
            next = to.learningRateDerived() ? next.withDerivedLearningRate() : next.withLearningRate(to.learningRate());
        }
        settings.set(next);
    }

    /** True while the edited policy's distribution uses {@code setting} (a JSON name, e.g. init_log_std). */
    public BooleanBinding policyUses(String setting) {
        return Bindings.createBooleanBinding(
                () -> settings.get().policy().distribution().ownSettings().contains(setting), settings);
    }

    public void setSeed(long seed) {
        settings.set(settings.get().withSeed(seed));
    }

    public void setNormalizeAdvantage(boolean on) {
        settings.set(settings.get().withNormalizeAdvantage(on));
    }

    public void setLrSchedule(LrSchedule schedule) {
        settings.set(settings.get().withLrSchedule(schedule));
    }

    /** Env steps of the linear decay, clamped to the valid range. */
    public void setLrDecaySteps(long steps) {
        HyperparameterSpec spec = HyperparameterSpec.LR_DECAY_STEPS;
        settings.set(spec.with(settings.get(), Math.max(spec.min(), Math.min(spec.max(), steps))));
    }

    public void setOptimizer(OptimizerKind optimizer) {
        settings.set(settings.get().withOptimizer(optimizer));
    }

    public void setDevice(DeviceChoice device) {
        settings.set(settings.get().withDevice(device));
    }

    /** Takes every value from {@code hp}, e.g. an opened model's hyperparameters. */
    public void load(Hyperparameters hp) {
        settings.set(hp);
    }

    /** Every setting back to the default of the chosen policy (categorical or Gaussian). */
    public void defaults() {
        settings.set(Hyperparameters.defaultsFor(settings.get().policy()));
    }

    private static void append(StringBuilder names, boolean changed, String name) {
        if (changed) {
            names.append(names.length() == 0 ? "" : ", ").append(name);
        }
    }
}
