package org.a2clab.ui.training;

import org.a2clab.train.Hyperparameters;

/** Splits edited settings into what a running session can take now and what waits for a retrain. */
public final class LiveFields {
    private LiveFields() {
    }

    /** {@code running} with the live-applicable fields (α, β, γ, c, max grad norm) of {@code edited}. */
    public static Hyperparameters apply(Hyperparameters running, Hyperparameters edited) {
        return running.withLearningRate(edited.learningRate())
                .withEntropyCoef(edited.entropyCoef())
                .withGamma(edited.gamma())
                .withValueCoef(edited.valueCoef())
                .withMaxGradNorm(edited.maxGradNorm());
    }
}
