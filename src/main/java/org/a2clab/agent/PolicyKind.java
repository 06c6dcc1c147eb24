package org.a2clab.agent;

import java.util.Locale;

/**
 * What the actor outputs. {@code CATEGORICAL}: two logits, π(left|s) and π(right|s) by softmax, a
 * discrete push of ∓10 N. {@code GAUSSIAN}: μ(s) and log σ(s) of a normal distribution over a real
 * action a, which pushes the cart with 10 N × clip(a, −1, 1) (the learner's notes on continuous
 * actions). Chosen before training; a network of one kind never becomes the other.
 */
public enum PolicyKind {
    CATEGORICAL, GAUSSIAN;

    /** The distribution this kind chooses: the one place the kind is turned into behaviour. */
    public ActionDistribution distribution() {
        return this == GAUSSIAN ? GaussianDistribution.INSTANCE : CategoricalDistribution.INSTANCE;
    }

    /** The lower-case name used in manifests, JSON and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code categorical} or {@code gaussian} (any case); throws naming both otherwise. */
    public static PolicyKind parse(String s) {
        for (PolicyKind k : values()) {
            if (k.label().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("policy must be categorical or gaussian, got '" + s + "'");
    }
}
