package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.table.Table;

/**
 * A classifier's predictions on evaluated rows, whatever made them (an image or Tribuo model in a
 * pipeline, a served model's log, a CSV): what model-neutral evaluators ({@link PredictionsEvaluator})
 * read. Arrays are shared, not copied: do not change them.
 *
 * @param classes       the class names, in the model's order
 * @param truth         true class index per row
 * @param predicted     predicted class index per row
 * @param probabilities class probabilities per row, in {@code classes} order
 * @param attributes    the rows' other columns (protected attributes, slice columns), in the same order
 */
public record Predictions(List<String> classes, int[] truth, int[] predicted, double[][] probabilities,
        Table attributes) {
    public Predictions {
        classes = List.copyOf(classes);
        requireNonNull(truth, "truth");
        requireNonNull(predicted, "predicted");
        requireNonNull(probabilities, "probabilities");
        requireNonNull(attributes, "attributes");
        int n = truth.length;
        if (predicted.length != n || probabilities.length != n || attributes.rowCount() != n) {
            throw InvalidInputException.problem("have different lengths").column("predictions")
                    .value("truth " + n + ", predicted " + predicted.length + ", probabilities " + probabilities.length
                            + ", attribute rows " + attributes.rowCount())
                    .expected("one true label, prediction, probability row and attribute row per evaluated row").build();
        }
    }

    /** The number of rows. */
    public int size() {
        return truth.length;
    }
}
