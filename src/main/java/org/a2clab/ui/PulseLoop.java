package org.a2clab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * The one place where the FX thread picks up training results: once per pulse, every participant
 * (drain the feed, advance the cart-pole, repaint plots) runs in order. Also tracks the longest
 * gap between pulses, the measure of an FX-thread stall.
 */
final class PulseLoop extends AnimationTimer {
    private final List<LongConsumer> participants = new CopyOnWriteArrayList<>();
    private long lastPulse;
    private static final long STALL_NANOS = 50_000_000L;
    private long maxGapNanos;
    private long pulses;
    private long stalls;

    void add(LongConsumer participant) {
        participants.add(participant);
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            maxGapNanos = Math.max(maxGapNanos, now - lastPulse);
            if (now - lastPulse > STALL_NANOS) {
                stalls++;
            }
        }
        lastPulse = now;
        pulses++;
        for (LongConsumer p : participants) {
            p.accept(now);
        }
    }

    /** The longest gap between two pulses since the last call, in ms; resets it. */
    double takeMaxGapMillis() {
        double ms = maxGapNanos / 1e6;
        maxGapNanos = 0;
        return ms;
    }

    long pulses() {
        return pulses;
    }

    /** Gaps between pulses longer than 50 ms so far. */
    long stalls() {
        return stalls;
    }
}
