package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link org.trustml.core.stages.EvaluatePredictions} gives, the model-neutral twin of
 * {@link ImageEvaluation} and {@link TabularEvaluation}: the classification report of the
 * predictions (overall and per slice) and each {@link PredictionsEvaluator}'s result. As a
 * {@link MetricSource} it feeds the bless stage and the model card the same way.
 *
 * @param classification confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice
 * @param evaluators     each evaluator's result, by name
 */
public record PredictionsEvaluation(ClassificationReport classification, Map<String, MetricSource> evaluators)
        implements ClassifierEvaluation {
    public PredictionsEvaluation {
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /** Predictions made outside this pipeline: no model to describe. */
    @Override
    public String modelDescription() {
        return "predictions of " + String.join(", ", classification.classes());
    }
}
