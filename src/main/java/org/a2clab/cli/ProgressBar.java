package org.a2clab.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.a2clab.train.StopRule;
import org.a2clab.train.UpdateStats;

/** A one-line progress bar on stderr, redrawn at most 5 times a second. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final StopRule rule;
    private long lastDraw;
    private UpdateStats last;

    ProgressBar(PrintStream err, StopRule rule) {
        this.err = err;
        this.rule = rule;
    }

    void show(UpdateStats stats) {
        last = stats;
        long now = System.nanoTime();
        if (now - lastDraw > 200_000_000L) {
            lastDraw = now;
            draw();
        }
    }

    void finish() {
        if (last != null) {
            draw();
        }
        err.println();
    }

    private void draw() {
        double fraction = Math.min(1.0, (double) last.envSteps() / rule.maxSteps());
        int filled = (int) Math.round(fraction * WIDTH);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %,d steps  %,d episodes  mean100 %6.1f  %,.0f steps/s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), last.envSteps(), last.episodes(),
                last.meanReturnLast100(), last.stepsPerSecond()));
        err.flush();
    }
}
