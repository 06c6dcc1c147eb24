package org.a2clab.experiment;

import java.util.EnumMap;
import java.util.Map;
import org.a2clab.train.UpdateStats;

/** A run's curves, one {@link Curve} per {@link Metric} plus its greedy evaluations, in bounded memory. */
public final class RunCurves {
    /** Points per curve: a run of any length keeps at most this many (about 16 KB each). */
    public static final int CAPACITY = 1024;
    private final Map<Metric, Curve> curves = new EnumMap<>(Metric.class);
    private final Curve evaluations = new Curve(256);
    private volatile long envSteps;

    public RunCurves() {
        for (Metric m : Metric.values()) {
            curves.put(m, new Curve(CAPACITY));
        }
    }

    public Curve curve(Metric m) {
        return curves.get(m);
    }

    public Curve evaluations() {
        return evaluations;
    }

    /** Env steps of the last update seen. */
    public long envSteps() {
        return envSteps;
    }

    public void add(UpdateStats s) {
        for (Metric m : Metric.values()) {
            curves.get(m).add(s.envSteps(), m.of(s));
        }
        envSteps = s.envSteps();
    }

    void add(long steps, Metric m, double value) {
        curves.get(m).add(steps, value);
        envSteps = Math.max(envSteps, steps);
    }
}
