package org.a2clab.ui.hyperparams;

/**
 * Maps a slider position in [0, 1] to a hyperparameter value and back. Ranges that span decades
 * (learning rate, workers, n) get a log scale so every decade gets the same slider travel.
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
    };

    public abstract double toValue(double position, double min, double max);

    public abstract double toPosition(double value, double min, double max);

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
