package org.a2clab.export;

/**
 * A model bundle that cannot be written or read, with a message that names the file and the
 * problem (the CLI prints it, the app shows it and keeps its current model).
 */
public final class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
