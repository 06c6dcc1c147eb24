package org.a2clab.train;

/** A loss or gradient became NaN or infinite; the update was refused and parameters kept. */
public final class TrainingDivergedException extends RuntimeException {
    private final long update;

    public TrainingDivergedException(long update, String detail) {
        super("training diverged at update " + update + ": " + detail
                + " (parameters of update " + (update - 1) + " kept; try a lower learning rate)");
        this.update = update;
    }

    public long update() {
        return update;
    }
}
