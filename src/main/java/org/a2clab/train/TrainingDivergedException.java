package org.a2clab.train;

/**
 * A loss, gradient or forward pass became NaN or infinite; the update was refused and the
 * network put back to the last parameters whose forward passes were all finite.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final long update;
    private final long restoredUpdate;

    /** {@code restoredUpdate}: the update whose parameters were put back, -1 if none were. */
    public TrainingDivergedException(long update, String detail, long restoredUpdate) {
        super("training diverged at update " + update + ": " + detail + (restoredUpdate < 0
                ? " (try a lower learning rate)"
                : " (network restored to its state after update " + restoredUpdate
                        + ", the last whose outputs were finite; lower the learning rate and resume)"));
        this.update = update;
        this.restoredUpdate = restoredUpdate;
    }

    /** The update that failed. */
    public long update() {
        return update;
    }

    /** The update whose parameters the network holds again, or -1. */
    public long restoredUpdate() {
        return restoredUpdate;
    }
}
