package org.a2clab.inspect;

/**
 * How the actions of a recorded episode were chosen. Always shown with the episode: greedy and
 * sampled play of the same network can differ a lot (pitfall: mixing them without saying which).
 */
public enum EpisodeKind {
    /** argmax π(a|s): the policy's best guess, deterministic. */
    GREEDY("greedy"),
    /** a ~ π(·|s): how the policy behaves in training, seeded. */
    SAMPLED("sampled"),
    /** The rendered worker's frames as they happened during training (sampled, network moving). */
    TRAINING("training");

    private final String label;

    EpisodeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
