package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * What {@link TabularLimeEvaluator} found: each explained row with its local model's top rules (lime's
 * {@code as_list()}). As a {@link MetricSource} it reports how well the local linear models fit the
 * classifier around the rows: {@code lime_score_mean} and {@code lime_score_min}, the mean and the smallest
 * weighted R² (lime's {@code score}) over the explained rows.
 *
 * @param schemaVersion version of this record's JSON form
 * @param numSamples    LIME samples per row
 * @param seed          the perturbation seed
 * @param features      the model's feature columns, which the rules' feature indices refer to
 * @param rows          the explained rows, in the order they were chosen
 */
public record TabularExplanationReport(int schemaVersion, int numSamples, long seed, List<String> features,
        List<ExplainedRow> rows) implements MetricSource {
    /** The current JSON schema version. */
    public static final int SCHEMA_VERSION = 1;

    public TabularExplanationReport {
        features = List.copyOf(features);
        rows = List.copyOf(rows);
    }

    /**
     * One explained row.
     *
     * @param row         its position among the evaluated rows (0-based)
     * @param truth       its true class
     * @param predicted   the class the model predicted, which is the explained one
     * @param probability the model's probability of {@code predicted}
     * @param score       weighted R² of the local model on the perturbation samples
     * @param intercept   the local model's intercept
     * @param rules       the rules with the largest |weight|, largest first ({@code "income > 52.10"},
     *                    {@code "sex=F"})
     */
    public record ExplainedRow(int row, String truth, String predicted, double probability, double score,
            double intercept, List<FeatureRule> rules) {
        public ExplainedRow {
            requireNonNull(truth, "truth");
            requireNonNull(predicted, "predicted");
            rules = List.copyOf(rules);
        }
    }

    @Override
    public List<MetricValue> metrics() {
        return LimeScores.of(rows.stream().mapToDouble(ExplainedRow::score).toArray());
    }
}
