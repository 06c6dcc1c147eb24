package org.a2clab.ui.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work that runs elsewhere (the training thread, a disk thread) and reports back where the
 * properties live. The one place the UI turns a finished future into callbacks and a failure
 * into the cause a user should read. Tests pass {@code Runnable::run} as the callback executor,
 * so everything answers synchronously.
 */
public final class BackgroundWork {
    private final Executor callbacks;

    /** @param callbacks runs onSuccess/onFailure: {@code Platform::runLater} in the app */
    public BackgroundWork(Executor callbacks) {
        this.callbacks = callbacks;
    }

    /** Runs {@code work} on {@code executor}; a checked exception becomes the future's cause. */
    public static <T> CompletableFuture<T> supply(Executor executor, Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** When {@code work} ends, exactly one callback runs on the callback executor. */
    public <T> void then(CompletionStage<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        work.whenCompleteAsync((result, error) -> {
            if (error != null) {
                onFailure.accept(cause(error));
            } else {
                onSuccess.accept(result);
            }
        }, callbacks);
    }

    /** The failure a user should read: futures' wrappers removed, nothing else. */
    public static Throwable cause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@link #cause}'s message, or its type when it has none. */
    public static String message(Throwable error) {
        Throwable cause = cause(error);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
