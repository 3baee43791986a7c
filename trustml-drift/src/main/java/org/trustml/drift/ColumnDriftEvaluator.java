package org.trustml.drift;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluator;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.table.Table;

/**
 * Column drift as an evaluator: the evaluated rows ({@link Predictions#attributes()}) against a
 * reference table (the training data, last month's traffic), column by column, with
 * {@link DriftCheck}'s defaults (Evidently's choice of test per column, alpha 0.05). It reads only
 * the rows, so it runs in the tabular and image evaluate stages and on logged predictions alike.
 * Its {@link DriftReport} is what the evaluate stage writes as {@code drift.json}; its metrics ({@code drift_share},
 * {@code dataset_drift}, per column on the slice {@code column=<name>}) feed the gates.
 */
public final class ColumnDriftEvaluator implements PredictionsEvaluator {
    /**
     * The evaluator's provenance.
     *
     * @param referenceHash content hash of the reference table
     * @param referenceRows its rows
     * @param columns       the columns compared
     */
    public record Config(String referenceHash, int referenceRows, List<String> columns) {
        public Config {
            requireNonNull(referenceHash, "referenceHash");
            columns = List.copyOf(columns);
        }
    }

    private final Table reference;
    private final List<String> columns;

    private ColumnDriftEvaluator(Table reference, List<String> columns) {
        this.reference = requireNonNull(reference, "reference");
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw InvalidInputException.problem("is empty").column("columns")
                    .expected("at least one column to compare").build();
        }
        this.columns.forEach(reference::column); // a column the reference lacks is an error naming it
    }

    /** Compares these columns of the evaluated rows with the same columns of {@code reference}. */
    public static ColumnDriftEvaluator against(Table reference, String... columns) {
        return new ColumnDriftEvaluator(reference, List.of(columns));
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Config config() {
        return new Config(reference.contentHash(), reference.rowCount(), columns);
    }

    @Override
    public DriftReport evaluate(Predictions predictions, RunContext context) {
        return Drift.between(reference, predictions.attributes()).columns(columns.toArray(String[]::new)).report();
    }
}
