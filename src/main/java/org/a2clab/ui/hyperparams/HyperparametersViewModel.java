package org.a2clab.ui.hyperparams;

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

/**
 * The edited hyperparameters, and which edits still wait for a retrain. {@link #appliedProperty()}
 * is bound by the composition root to the running session's values (null when none runs).
 */
public final class HyperparametersViewModel {
    // Properties
    private final ReadOnlyObjectWrapper<Hyperparameters> settings = new ReadOnlyObjectWrapper<>(Hyperparameters.DEFAULTS);
    private final ObjectProperty<Hyperparameters> applied = new SimpleObjectProperty<>();

    public ReadOnlyObjectProperty<Hyperparameters> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Hyperparameters settings() {
        return settings.get();
    }

    public ObjectProperty<Hyperparameters> appliedProperty() {
        return applied;
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

    public void set(HyperparameterField field, double value) {
        settings.set(field.with(settings.get(), value));
    }

    /**
     * Switches the actor's distribution. Every setting still at the old policy's default moves to
     * the new policy's default (so α and β follow, see {@link Hyperparameters#defaultsFor}); a
     * setting the user changed keeps its value.
     */
    public void setPolicy(PolicyKind policy) {
        Hyperparameters now = settings.get();
        if (policy == now.policy()) {
            return;
        }
        Hyperparameters from = Hyperparameters.defaultsFor(now.policy());
        Hyperparameters to = Hyperparameters.defaultsFor(policy);
        Hyperparameters next = now.withPolicy(policy);
        for (HyperparameterSpec spec : HyperparameterSpec.values()) {
            if (spec != HyperparameterSpec.POLICY && spec.get(now) == spec.get(from)) {
                next = spec.with(next, spec.get(to));
            }
        }
        if (now.optimizer() == from.optimizer()) {
            next = next.withOptimizer(to.optimizer());
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
