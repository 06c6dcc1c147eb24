package org.a2clab.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free hand-over queue from the training thread to the FX thread that drops its oldest
 * entries beyond a capacity, so a stalled or hidden window cannot make memory grow.
 */
final class DropOldestQueue<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    DropOldestQueue(int capacity) {
        this.capacity = capacity;
    }

    void add(T item) {
        queue.add(item);
        if (size.incrementAndGet() > capacity && queue.poll() != null) {
            size.decrementAndGet();
        }
    }

    void addAll(List<T> items) {
        for (T item : items) {
            add(item);
        }
    }

    /** Everything queued so far, oldest first. */
    List<T> drain() {
        List<T> out = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            size.decrementAndGet();
            out.add(item);
        }
        return out;
    }
}
