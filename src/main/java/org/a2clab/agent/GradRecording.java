package org.a2clab.agent;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns libtorch's grad mode on for the calling thread while open, so the forward pass records a
 * graph, and restores it on close. libtorch keeps grad mode per thread, so training runs on
 * several threads each record their own graphs. DJL's {@code GradientCollector} does the same
 * but also holds a JVM-wide flag that refuses a second collector on another thread, which
 * would make seeds in parallel impossible; our update calls backward itself and needs nothing else
 * from it.
 */
final class GradRecording implements AutoCloseable {
    private final boolean previous;

    GradRecording() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
