package org.a2clab.train;

/**
 * A session's periodic greedy evaluation, published to its listener: this evaluation, the best so
 * far (the weights Export "best" would save) and the wall time all evaluations took so far, to
 * weigh against training time.
 */
public record EvaluationReport(BestCheckpoint.Point point, BestCheckpoint.Point best,
        double evaluationSeconds) {
}
