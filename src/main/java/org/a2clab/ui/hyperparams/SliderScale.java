package org.a2clab.ui.hyperparams;

/**
 * Maps a slider position in [0, 1] to a hyperparameter value and back. Ranges that span decades
 * (learning rate, workers, n) get a log scale so every decade gets the same slider travel; a range
 * from 0 (a final learning rate) gets 0 at the left end and a log scale over the
 * {@value #ZERO_THEN_LOG_DECADES} decades below its maximum after it.
 */
public enum SliderScale {
    LINEAR {
        @Override
        public double toValue(double position, double min, double max) {
            return min + clamp(position) * (max - min);
        }

        @Override
        public double toPosition(double value, double min, double max) {
            return clamp((value - min) / (max - min));
        }
    },
    LOG {
        @Override
        public double toValue(double position, double min, double max) {
            return min * Math.pow(max / min, clamp(position));
        }

        @Override
        public double toPosition(double value, double min, double max) {
            return clamp(Math.log(value / min) / Math.log(max / min));
        }
    },
    ZERO_THEN_LOG {
        @Override
        public double toValue(double position, double min, double max) {
            return position <= 0 ? min : LOG.toValue(position, floor(max), max);
        }

        @Override
        public double toPosition(double value, double min, double max) {
            return value <= min ? 0 : LOG.toPosition(value, floor(max), max);
        }
    };

    static final int ZERO_THEN_LOG_DECADES = 4;

    /** The smallest non-zero value of {@link #ZERO_THEN_LOG}, e.g. 1e-5 for a maximum of 0.1. */
    private static double floor(double max) {
        return max * Math.pow(10, -ZERO_THEN_LOG_DECADES);
    }

    public abstract double toValue(double position, double min, double max);

    public abstract double toPosition(double value, double min, double max);

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
