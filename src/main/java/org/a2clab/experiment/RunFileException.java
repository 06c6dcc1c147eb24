package org.a2clab.experiment;

import java.io.IOException;

/**
 * A run file that cannot be read as A2C Lab's: cut off, not JSON, too large, a link or a pipe in
 * place of the file. The message is one plain sentence naming the file, fit to show a user.
 */
public final class RunFileException extends IOException {
    RunFileException(String message) {
        super(message);
    }
}
