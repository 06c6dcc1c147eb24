package org.a2clab.train;

/**
 * When a headless run stops ({@link Run#runToEnd}): after {@code maxSteps} env steps, or once at
 * least 100 episodes have finished and the mean return of the last 100 is at least {@code targetReturn}.
 */
public record StopRule(long maxSteps, double targetReturn) {
    public static final int WINDOW = 100;
    /** CartPole-v1's reward threshold: solved at a mean return of 475 over the last 100 episodes. */
    public static final double SOLVED_RETURN = 475;

    public StopRule {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be ≥ 1, got " + maxSteps);
        }
        if (!(targetReturn >= 0 && targetReturn <= 500)) {
            throw new IllegalArgumentException("--target-return must be in [0, 500], got " + targetReturn);
        }
    }

    public boolean solved(A2c a2c) {
        return solved(a2c.episodes(), a2c.meanReturnLast100(), targetReturn);
    }

    /**
     * The one "solved" rule (the CLI's stop, the app's badge and the exported manifest): at
     * least {@link #WINDOW} finished episodes and their mean return at least {@code target}.
     */
    public static boolean solved(long episodes, double meanReturnLast100, double target) {
        return episodes >= WINDOW && meanReturnLast100 >= target;
    }

    public boolean budgetSpent(A2c a2c) {
        return a2c.envSteps() >= maxSteps;
    }
}
