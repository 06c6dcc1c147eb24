package org.a2clab.train;

/** Life cycle of a {@link Run}. */
public enum SessionState {
    /** Created, thread not started. */
    NEW,
    /** Building the network on the training thread. */
    STARTING,
    RUNNING,
    PAUSED,
    /** An update failed (e.g. diverged); the last good network is kept and jobs still run. */
    FAILED,
    /** Stopped for good; the network is closed. */
    STOPPED
}
