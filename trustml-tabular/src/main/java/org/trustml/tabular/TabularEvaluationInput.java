package org.trustml.tabular;

import static java.util.Objects.requireNonNull;

import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.table.Table;

/**
 * What a {@link TabularEvaluator} gets: the model, the evaluated rows (every column of the input
 * table, so protected attributes too) and the predictions already made on them.
 *
 * @param model         the trained model's record
 * @param rows          the evaluated rows
 * @param truth         true class index per row
 * @param probabilities class probabilities per row
 * @param predicted     argmax of each row of {@code probabilities}
 */
public record TabularEvaluationInput(TabularModel model, Table rows, int[] truth, double[][] probabilities,
        int[] predicted) {
    public TabularEvaluationInput {
        requireNonNull(model, "model");
        requireNonNull(rows, "rows");
        requireNonNull(truth, "truth");
        requireNonNull(probabilities, "probabilities");
        requireNonNull(predicted, "predicted");
    }

    /**
     * The model-neutral view of the same rows: the true and predicted classes, the probabilities and
     * every column of the rows as attributes, for {@link PredictionsEvaluator}s.
     */
    public Predictions predictions() {
        return Predictions.of(model.classes(), truth, predicted, probabilities, rows);
    }

    /** The same for {@link org.trustml.core.evaluation.TableEvaluator}s: the model read back and the predictions. */
    public TableEvaluationInput table() {
        return new TableEvaluationInput(model.classifier(), predictions());
    }
}
