package org.a2clab.train;

/**
 * Which weights a saved bundle holds: the network at the end of training ({@code FINAL}) or the
 * one that scored best in the periodic greedy evaluations ({@code BEST}). {@code evalReturn} is
 * the greedy mean return of that evaluation and {@code evalEnvSteps} when it ran; both are
 * NaN / −1 for a final network that was never evaluated.
 */
public record Checkpoint(Kind kind, double evalReturn, long evalEnvSteps, int evalEpisodes) {
    public enum Kind { FINAL, BEST }

    /** A final network without an evaluation score. */
    public static final Checkpoint FINAL_UNEVALUATED = new Checkpoint(Kind.FINAL, Double.NaN, -1, 0);

    public String label() {
        return kind == Kind.BEST ? "best" : "final";
    }

    public boolean evaluated() {
        return evalEnvSteps >= 0;
    }

    /** This checkpoint of a run that went on from a model trained {@code startSteps} env steps before. */
    public Checkpoint countedFrom(long startSteps) {
        return evaluated() && startSteps != 0
                ? new Checkpoint(kind, evalReturn, evalEnvSteps + startSteps, evalEpisodes) : this;
    }
}
