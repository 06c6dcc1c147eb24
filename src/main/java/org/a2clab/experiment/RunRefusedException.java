package org.a2clab.experiment;

import java.io.IOException;

/**
 * A delete or rename the run store refuses before changing anything: the folder may hold what
 * A2C Lab did not write. The message says why, in plain words.
 */
public final class RunRefusedException extends IOException {
    RunRefusedException(String message) {
        super(message);
    }
}
