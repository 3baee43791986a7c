package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link TableEvaluator} gets: the model, to query, and its predictions on the evaluated rows, whose
 * {@linkplain Predictions#attributes() attributes} hold the rows' columns (the model's features among them).
 *
 * @param model       the classifier that made the predictions
 * @param predictions its predictions on the evaluated rows
 */
public record TableEvaluationInput(TableClassifier model, Predictions predictions) {
    public TableEvaluationInput {
        requireNonNull(model, "model");
        requireNonNull(predictions, "predictions");
    }
}
