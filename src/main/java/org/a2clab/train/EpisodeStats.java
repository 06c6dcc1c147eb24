package org.a2clab.train;

/**
 * One finished training episode. {@code terminated}: the pole fell or the cart left the track;
 * {@code truncated}: it reached the 500-step limit.
 */
public record EpisodeStats(long index, int worker, double episodeReturn, int length,
        boolean terminated, boolean truncated, long envSteps) {
}
