package org.a2clab.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;

/** What the hostile-input tests put next to our files: a named pipe, the id of a process that has ended. */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** Makes a named pipe (FIFO) at {@code path}; the test is skipped where mkfifo is missing. */
    public static Path mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            throw e;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        return path;
    }

    /** The id of a process that has ended (skipped in the unlikely case it was reused already). */
    public static long deadPid() throws Exception {
        Process p = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        assumeTrue(ProcessHandle.of(p.pid()).isEmpty(), "pid " + p.pid() + " still in use");
        return p.pid();
    }
}
