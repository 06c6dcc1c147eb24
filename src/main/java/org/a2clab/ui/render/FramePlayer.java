package org.a2clab.ui.render;

import java.util.ArrayDeque;
import java.util.List;
import org.a2clab.env.CartPole;
import org.a2clab.render.Flash;
import org.a2clab.train.WorkerFrame;
import org.a2clab.ui.training.TrainingObserver;

/**
 * Plays the rendered worker's steps at display rate, decoupled from training speed. In real time
 * it advances one step per 20 ms of wall time and plays each episode to its end; when training
 * has outrun it by then, it jumps to the newest episode start (a natural cut) instead of lagging
 * further and further behind.
 */
public final class FramePlayer implements TrainingObserver {
    private static final long STEP_NANOS = Math.round(CartPole.TAU * 1e9);
    /** Backlog beyond which real-time playback skips ahead at the next episode end: two seconds of steps. */
    private static final int MAX_BACKLOG = 100;
    /** Hard bound on memory: a 500-step episode at 50 Hz while a single fast worker trains. */
    private static final int MAX_FRAMES = 30_000;
    private static final long FLASH_NANOS = 450_000_000L;

    private final ArrayDeque<WorkerFrame> backlog = new ArrayDeque<>();
    private PlaybackSpeed speed = PlaybackSpeed.REAL_TIME;
    private WorkerFrame current;
    private long lastAdvance = Long.MIN_VALUE;
    private Flash flash = Flash.NONE;
    private long flashUntil;
    private long framesShown;
    private boolean held;

    @Override
    public void reset() {
        backlog.clear();
        current = null;
        lastAdvance = Long.MIN_VALUE;
        flash = Flash.NONE;
        framesShown = 0;
        held = false;
    }

    /**
     * Training paused or stopped: the view freezes on the frame it shows at once, rather than
     * playing out seconds of buffered steps as if training went on; steps still in flight are dropped.
     */
    public void hold() {
        held = true;
        backlog.clear();
    }

    /** Training runs again: playback goes on with the new steps. */
    public void release() {
        held = false;
        lastAdvance = Long.MIN_VALUE;
    }

    @Override
    public void onFrames(List<WorkerFrame> frames) {
        if (held) {
            return;
        }
        backlog.addAll(frames);
        while (backlog.size() > MAX_FRAMES) {
            backlog.poll();
        }
    }

    public void setSpeed(PlaybackSpeed speed) {
        this.speed = speed;
    }

    /** Advances playback to {@code nowNanos}; returns true if the shown frame or flash changed. */
    public boolean pulse(long nowNanos) {
        WorkerFrame before = current;
        Flash flashBefore = flash;
        if (speed == PlaybackSpeed.AS_FAST_AS_TRAINING) {
            while (!backlog.isEmpty()) {
                show(backlog.poll(), nowNanos);
            }
            // Many episodes end per pulse here: a held flash would never go off. Show one only
            // while the frame on screen is itself an episode's end (and fade it as usual).
            if (endOf(current) == Flash.NONE) {
                flash = Flash.NONE;
            }
        } else {
            if (lastAdvance == Long.MIN_VALUE) {
                lastAdvance = nowNanos;
            }
            long due = (nowNanos - lastAdvance) / STEP_NANOS;
            for (long i = 0; i < due && !backlog.isEmpty(); i++) {
                if (current == null || current.terminated() || current.truncated()) {
                    skipIfBehind();
                }
                show(backlog.poll(), nowNanos);
            }
            // Keep the 20 ms cadence; when starved, restart it on the next frame instead of bursting.
            lastAdvance = backlog.isEmpty() ? nowNanos : lastAdvance + due * STEP_NANOS;
        }
        if (flash != Flash.NONE && nowNanos >= flashUntil) {
            flash = Flash.NONE;
        }
        return current != before || flash != flashBefore;
    }

    private void skipIfBehind() {
        if (backlog.size() <= MAX_BACKLOG) {
            return;
        }
        WorkerFrame newestStart = null;
        for (WorkerFrame f : backlog) {
            if (f.episodeStep() == 0) {
                newestStart = f;
            }
        }
        if (newestStart != null) {
            while (backlog.peek() != newestStart) {
                backlog.poll();
            }
        }
    }

    private void show(WorkerFrame frame, long nowNanos) {
        current = frame;
        framesShown++;
        if (frame.terminated() || frame.truncated()) {
            flash = endOf(frame);
            flashUntil = nowNanos + FLASH_NANOS;
        }
    }

    /** A time limit is not a failure: truncation gets its own colour. */
    private static Flash endOf(WorkerFrame frame) {
        if (frame == null) {
            return Flash.NONE;
        }
        return frame.terminated() ? Flash.TERMINATED : frame.truncated() ? Flash.TRUNCATED : Flash.NONE;
    }

    /** The frame on screen; null before the first. */
    public WorkerFrame current() {
        return current;
    }

    public Flash flash() {
        return flash;
    }

    /** Steps shown since the run started. */
    public long framesShown() {
        return framesShown;
    }

    public int backlogSize() {
        return backlog.size();
    }
}
