package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * Which columns of a table (or CSV file) of predictions hold what, for
 * {@link Predictions#fromTable} and {@link Predictions#readCsv}. The defaults read what the tabular
 * evaluate stage writes as {@code predictions.csv} when the label column is {@code label}: a column
 * of true labels, a column {@code predicted} of predicted labels, one column {@code p_<class>} of
 * probabilities per class, and every other column as an attribute.
 *
 * <pre>{@code
 * Predictions p = Predictions.readCsv(Path.of("scored.csv"),
 *         PredictionColumns.of("approved", "predicted").withAttributes("sex", "age_group"));
 * }</pre>
 *
 * @param truth             the column of true labels (text; a number is read as its text)
 * @param predicted         the column of predicted labels
 * @param id                a column of row ids, if there is one
 * @param probabilityPrefix the probability of class {@code c} is in column {@code <prefix><c>};
 *                          when no column has the prefix there are no probabilities
 * @param classes           the classes in order; empty means the classes named by the probability
 *                          columns in header order, or without those the sorted distinct labels
 * @param attributes        the attribute columns (protected attributes, slice columns); empty means
 *                          every column that is not one of the above
 */
public record PredictionColumns(String truth, String predicted, Optional<String> id, String probabilityPrefix,
        List<String> classes, Optional<List<String>> attributes) {
    /** The probability column prefix the evaluate stage writes. */
    public static final String DEFAULT_PROBABILITY_PREFIX = "p_";

    public PredictionColumns {
        requireNonNull(truth, "truth");
        requireNonNull(predicted, "predicted");
        requireNonNull(id, "id");
        requireNonNull(probabilityPrefix, "probabilityPrefix");
        classes = List.copyOf(classes);
        attributes = attributes.map(List::copyOf);
        if (truth.equals(predicted)) {
            throw InvalidInputException.problem("names both the true and the predicted labels").column(truth)
                    .expected("two different columns").build();
        }
        if (probabilityPrefix.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("probabilityPrefix")
                    .expected("a prefix such as p_").build();
        }
    }

    /** True labels in {@code truth}, predicted labels in {@code predicted}, otherwise the defaults. */
    public static PredictionColumns of(String truth, String predicted) {
        return new PredictionColumns(truth, predicted, Optional.empty(), DEFAULT_PROBABILITY_PREFIX, List.of(),
                Optional.empty());
    }

    /** The same with a column of row ids. */
    public PredictionColumns withId(String column) {
        return new PredictionColumns(truth, predicted, Optional.of(column), probabilityPrefix, classes, attributes);
    }

    /** The same with another probability column prefix. */
    public PredictionColumns withProbabilityPrefix(String prefix) {
        return new PredictionColumns(truth, predicted, id, prefix, classes, attributes);
    }

    /** The same with the classes given in order. */
    public PredictionColumns withClasses(String... ordered) {
        return new PredictionColumns(truth, predicted, id, probabilityPrefix, List.of(ordered), attributes);
    }

    /** The same keeping only these attribute columns. */
    public PredictionColumns withAttributes(String... columns) {
        return new PredictionColumns(truth, predicted, id, probabilityPrefix, classes, Optional.of(List.of(columns)));
    }

    /** The probability column of a class. */
    public String probability(String label) {
        return probabilityPrefix + label;
    }
}
