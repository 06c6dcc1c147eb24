package org.a2clab.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {
    /** Stands in for the FX thread: callbacks wait here until the test runs them. */
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final BackgroundWork work = new BackgroundWork(fxQueue::add);
    private final List<String> calls = new ArrayList<>();

    @Test
    void successArrivesOnTheCallbackExecutorOnly() {
        CompletableFuture<String> job = new CompletableFuture<>();
        work.then(job, result -> calls.add("ok " + result), error -> calls.add("failed"));
        job.complete("42");

        assertTrue(calls.isEmpty(), "nothing runs outside the callback executor");
        fxQueue.forEach(Runnable::run);
        assertEquals(List.of("ok 42"), calls);
    }

    @Test
    void aFailureArrivesAsItsCauseNotTheFuturesWrapper() {
        IOException disk = new IOException("disk full");
        work.then(BackgroundWork.supply(Runnable::run, () -> {
            throw disk;
        }), result -> calls.add("ok"), error -> {
            assertSame(disk, error);
            calls.add("failed: " + error.getMessage());
        });

        fxQueue.forEach(Runnable::run);
        assertEquals(List.of("failed: disk full"), calls);
    }

    @Test
    void causeRemovesNestedFutureWrappersButNothingElse() {
        IOException io = new IOException("no space");
        assertSame(io, BackgroundWork.cause(new CompletionException(new ExecutionException(io))));
        UncheckedIOException unchecked = new UncheckedIOException("could not encode a.png: no space", io);
        assertSame(unchecked, BackgroundWork.cause(new CompletionException(unchecked)),
                "an exception's own message is what the user reads");
        assertInstanceOf(CompletionException.class, BackgroundWork.cause(new CompletionException(null)));
    }

    @Test
    void messageFallsBackToTheTypeWhenTheCauseHasNone() {
        assertEquals("java.lang.IllegalStateException",
                BackgroundWork.message(new CompletionException(new IllegalStateException())));
        assertEquals("bad manifest", BackgroundWork.message(new ExecutionException(new IOException("bad manifest"))));
    }
}
