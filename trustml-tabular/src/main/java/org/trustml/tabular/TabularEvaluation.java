package org.trustml.tabular;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.ClassifierEvaluation;
import org.trustml.core.evaluation.MetricSource;

/**
 * What the tabular evaluate stage gives, the twin of {@code ImageEvaluation} (trustml-vision): the model, its
 * classification report on the held-out rows (overall and per slice), and each evaluator's result.
 * As a {@link MetricSource} it feeds the bless stage and the model card the same way; read an evaluator's
 * result by type with {@link ClassifierEvaluation#result(Class)}.
 *
 * @param model          the evaluated model
 * @param classification confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice
 * @param evaluators     each plugged-in evaluator's result, by name
 */
public record TabularEvaluation(TabularModel model, ClassificationReport classification,
        Map<String, MetricSource> evaluators) implements ClassifierEvaluation {
    public TabularEvaluation {
        requireNonNull(model, "model");
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /** Algorithm, label, features and classes. */
    @Override
    public String modelDescription() {
        return model.algorithm().name() + " on " + String.join(", ", model.features()) + " → " + model.label()
                + " (" + String.join(", ", model.classes()) + ")";
    }
}
