package org.a2clab.export;

import java.nio.file.Path;

/** Lets tests in other packages make a FIFO the way SaveTargetTest does. */
public final class SaveTargetTestAccess {
    private SaveTargetTestAccess() {
    }

    public static Path mkfifo(Path path) throws Exception {
        return SaveTargetTest.mkfifo(path);
    }
}
