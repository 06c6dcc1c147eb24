package org.a2clab.train;

/** Mean, standard deviation, min and max of a batch of numbers. */
public record Summary(double mean, double std, double min, double max) {
    public static Summary of(float[] xs) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : xs) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double mean = sum / xs.length;
        double sq = 0;
        for (float x : xs) {
            sq += (x - mean) * (x - mean);
        }
        return new Summary(mean, Math.sqrt(sq / xs.length), min, max);
    }
}
