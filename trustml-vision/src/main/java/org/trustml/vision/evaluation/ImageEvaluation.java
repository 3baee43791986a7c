package org.trustml.vision.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.ClassifierEvaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.vision.train.TrainedModel;

/**
 * What the evaluate stage gives: the model, its classification report on the evaluated split
 * (overall and per slice), and each evaluator's result by name. As a {@link MetricSource} it holds
 * all of their metrics; read an evaluator's result by type with {@link ClassifierEvaluation#result(Class)}
 * ({@code evaluation.result(FairnessReport.class)}).
 *
 * @param model          the evaluated model
 * @param classification confusion matrix, accuracy, P/R/F1, ROC-AUC … overall and per slice
 * @param evaluators     each plugged-in evaluator's result, by name
 */
public record ImageEvaluation(TrainedModel model, ClassificationReport classification,
        Map<String, MetricSource> evaluators) implements ClassifierEvaluation {
    public ImageEvaluation {
        requireNonNull(model, "model");
        requireNonNull(classification, "classification");
        evaluators = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluators));
    }

    /** Architecture, classes, input size and the epoch kept. */
    @Override
    public String modelDescription() {
        return model.architecture().name() + ", classes " + String.join(", ", model.classes()) + ", input "
                + model.inputSize() + "x" + model.inputSize() + ", best epoch " + model.bestEpoch() + " of "
                + model.history().size();
    }

    @Override
    public String unit() {
        return "images";
    }
}
