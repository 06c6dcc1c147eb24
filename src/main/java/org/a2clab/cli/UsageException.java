package org.a2clab.cli;

/** Bad command-line input: the CLI prints the message and exits with status 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
