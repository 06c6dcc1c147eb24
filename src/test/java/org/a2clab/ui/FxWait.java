package org.a2clab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Reading FX state from a test thread, and waiting for conditions instead of sleeping. */
final class FxWait {
    /** Long enough for a busy 2-core CI machine to train a few thousand steps. */
    static final int TIMEOUT_S = 60;

    private FxWait() {
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within " + TIMEOUT_S + " s", e);
        }
    }
}
