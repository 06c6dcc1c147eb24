package org.a2clab.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.a2clab.ui.status.StatusViewModel;

/**
 * With {@code -Da2clab.perf=true}: every 5 s, one line to stderr with the longest FX pulse gap,
 * the cart-pole canvas's frame rate, plot repaints, training speed, and the CPU time of the
 * training, FX and render threads — the figures the issue asks to be measured with the window
 * open. CPU per env step separates the UI's real cost from a busy machine's scheduling.
 */
final class PerformanceLog {
    private static final long PERIOD_NANOS = 5_000_000_000L;
    private final PulseLoop loop;
    private final LongSupplier canvasPaints;
    private final LongSupplier plotPaints;
    private final StatusViewModel status;
    private final PrintStream out;
    private long periodStart;
    private long paintsAtStart;
    private long plotsAtStart;
    private long pulsesAtStart;
    private long stepsAtStart;
    private double trainingAtStart;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> cpuAtStart = new HashMap<>();

    PerformanceLog(PulseLoop loop, LongSupplier canvasPaints, LongSupplier plotPaints, StatusViewModel status, PrintStream out) {
        this.loop = loop;
        this.canvasPaints = canvasPaints;
        this.plotPaints = plotPaints;
        this.status = status;
        this.out = out;
    }

    static boolean enabled() {
        return Boolean.getBoolean("a2clab.perf");
    }

    void pulse(long now) {
        if (periodStart == 0) {
            periodStart = now;
            loop.takeMaxGapMillis();
            cpuSince("a2c-training");
            cpuSince("JavaFX Application Thread");
            cpuSince("QuantumRenderer-0");
            return;
        }
        if (now - periodStart < PERIOD_NANOS) {
            return;
        }
        double seconds = (now - periodStart) / 1e9;
        long steps = status.envStepsProperty().get();
        double trained = status.trainingSecondsProperty().get();
        double trainSpan = trained - trainingAtStart;
        out.println(String.format(Locale.ROOT,
                "perf: max pulse gap %.1f ms (%d over 50 ms so far) | pulses %.1f/s | cart-pole paints %.1f/s | plot repaints %.1f/s | env steps/s %.0f (wall %.0f) | total %d",
                loop.takeMaxGapMillis(), loop.stalls(), (loop.pulses() - pulsesAtStart) / seconds,
                (canvasPaints.getAsLong() - paintsAtStart) / seconds, (plotPaints.getAsLong() - plotsAtStart) / seconds,
                trainSpan > 0 ? (steps - stepsAtStart) / trainSpan : 0, (steps - stepsAtStart) / seconds, steps));
        double trainingCpu = cpuSince("a2c-training");
        out.println(String.format(Locale.ROOT,
                "perf: CPU training thread %.0f%% (%.1f µs per env step) | FX thread %.0f%% | renderer %.0f%% | greedy evaluation %.1f%% of training time",
                100 * trainingCpu / seconds, steps > stepsAtStart ? 1e6 * trainingCpu / (steps - stepsAtStart) : 0,
                100 * cpuSince("JavaFX Application Thread") / seconds, 100 * cpuSince("QuantumRenderer-0") / seconds,
                100 * status.evaluationShareProperty().get()));
        periodStart = now;
        paintsAtStart = canvasPaints.getAsLong();
        plotsAtStart = plotPaints.getAsLong();
        pulsesAtStart = loop.pulses();
        stepsAtStart = steps;
        trainingAtStart = trained;
    }

    /** CPU seconds the named thread used since the last call (0 if it does not exist). */
    private double cpuSince(String name) {
        long now = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                now = Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        Long before = cpuAtStart.put(name, now);
        return before == null || now < before ? 0 : (now - before) / 1e9;
    }
}
