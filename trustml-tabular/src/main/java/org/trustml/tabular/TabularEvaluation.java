package org.trustml.tabular;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.CombinedMetrics;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * What the tabular evaluate stage gives, the twin of {@code ImageEvaluation} (trustml-vision): the model, its
 * classification report on the held-out rows (overall and per slice), and each evaluator's result.
 * As a {@link MetricSource} it feeds the bless stage and the model card the same way.
 *
 * @param model          the evaluated model
 * @param classification confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice
 * @param evaluators     each plugged-in evaluator's result, by name
 */
public record TabularEvaluation(TabularModel model, ClassificationReport classification,
        Map<String, MetricSource> evaluators) implements MetricSource {
    public TabularEvaluation {
        requireNonNull(model, "model");
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /** The classification report's metrics, then each evaluator's, as {@code ImageEvaluation#metrics()}. */
    @Override
    public List<MetricValue> metrics() {
        return CombinedMetrics.of(classification, evaluators);
    }
}
