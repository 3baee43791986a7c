package org.trustml.core.evaluation;

import org.trustml.core.pipeline.RunContext;

/**
 * A check that needs only a model's {@link Predictions}, not the model: fairness across protected
 * attributes, for example. The same evaluator runs in the image and tabular evaluate stages, in
 * {@link org.trustml.core.stages.EvaluatePredictions} over predictions made anywhere else (a served
 * model's log, a Spark job, a CSV file), and directly. Its result is a {@link MetricSource} that
 * serialises to JSON.
 */
public interface PredictionsEvaluator extends Evaluator<Predictions> {
    /** Evaluates; may write artifacts through the context (which may be null outside a pipeline). */
    @Override
    MetricSource evaluate(Predictions predictions, RunContext context);
}
