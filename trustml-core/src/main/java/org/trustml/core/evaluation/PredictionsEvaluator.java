package org.trustml.core.evaluation;

import org.trustml.core.pipeline.RunContext;

/**
 * A check that needs only a classifier's {@link Predictions} (fairness, for example), so it runs on
 * image models, tabular models and predictions from anywhere else alike. The image and tabular evaluate
 * stages take it as they take their own evaluators. Its result is a {@link MetricSource} that serialises
 * to JSON.
 */
public interface PredictionsEvaluator {
    /** A short name, used for the result's artifact ({@code <name>.json}). */
    String name();

    /** The evaluator's configuration, recorded in the run record. */
    Object config();

    /** Evaluates; may write artifacts through the context. */
    MetricSource evaluate(Predictions predictions, RunContext context);
}
