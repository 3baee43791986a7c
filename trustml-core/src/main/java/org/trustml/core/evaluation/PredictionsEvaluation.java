package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
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
        implements MetricSource {
    public PredictionsEvaluation {
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /** The classification report's metrics, then each evaluator's, as {@link ImageEvaluation#metrics()}. */
    @Override
    public List<MetricValue> metrics() {
        return CombinedMetrics.of(classification, evaluators);
    }
}
