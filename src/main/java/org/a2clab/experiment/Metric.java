package org.a2clab.experiment;

import org.a2clab.train.UpdateStats;

/** The per-update quantities a run keeps for the overlay charts, with their key in metrics.jsonl. */
public enum Metric {
    MEAN_RETURN_100("mean-100 return", "mean_return_last100"),
    ENTROPY("entropy H(π)", "entropy"),
    EXPLAINED_VARIANCE("explained variance", "explained_variance"),
    VALUE_LOSS("value loss", "value_loss"),
    LEARNING_RATE("α (learning rate)", "learning_rate"),
    GRAD_NORM("gradient norm", "grad_norm");

    private final String label;
    private final String jsonKey;

    Metric(String label, String jsonKey) {
        this.label = label;
        this.jsonKey = jsonKey;
    }

    public String label() {
        return label;
    }

    String jsonKey() {
        return jsonKey;
    }

    double of(UpdateStats s) {
        switch (this) {
            case MEAN_RETURN_100:
                return s.meanReturnLast100();
            case ENTROPY:
                return s.entropy();
            case EXPLAINED_VARIANCE:
                return s.explainedVariance();
            case VALUE_LOSS:
                return s.valueLoss();
            case LEARNING_RATE:
                return s.learningRate();
            default:
                return s.gradNorm();
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
