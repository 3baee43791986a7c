package org.trustml.vision.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.CombinedMetrics;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.vision.train.TrainedModel;

/**
 * What the evaluate stage gives: the model, its classification report on the evaluated split
 * (overall and per slice), and each evaluator's result by name. As a {@link MetricSource} it holds
 * all of their metrics.
 *
 * @param model          the evaluated model
 * @param classification confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice
 * @param evaluators     each plugged-in evaluator's result, by name
 */
public record ImageEvaluation(TrainedModel model, ClassificationReport classification,
        Map<String, MetricSource> evaluators) implements MetricSource {
    public ImageEvaluation {
        requireNonNull(model, "model");
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /**
     * The classification report's metrics, then each evaluator's. An evaluator metric with the name
     * and slice of one already listed (a fairness report's overall {@code accuracy}, say) is left out
     * when it has the same value, and listed as {@code <evaluator>.<name>} when it differs (weighted
     * counts, another favorable class), so no number is lost and none is listed twice.
     */
    @Override
    public List<MetricValue> metrics() {
        return CombinedMetrics.of(classification, evaluators);
    }
}
