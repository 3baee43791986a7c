package org.trustml.explain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;

/**
 * What a SHAP evaluator ({@link TabularShapEvaluator}, {@link TreeShapEvaluator}) found on the evaluated rows: each
 * feature column's mean |SHAP value| over the explained rows (shap's bar plot; each row's value for the class it
 * was explained for), and each explained row's values with their quality (the waterfall). As a
 * {@link MetricSource} it gives how exact the values are: {@code shap_additivity_error} (largest),
 * {@code shap_standard_error_max} and {@code shap_converged_fraction}.
 *
 * @param schemaVersion      version of this record's JSON form
 * @param method             how the values were computed
 * @param units              what the values are in: {@code "probability"} (the class probability) or
 *                           {@code "margin"} (XGBoost's raw log-odds score of the class)
 * @param seed               the sampling seed (KernelSHAP)
 * @param background         where absent features' values came from (rows and summary), or {@code "tree covers"}
 * @param features           the model's feature columns
 * @param meanAbsolute       per feature column, the mean |SHAP value| over every explained row
 * @param rowsInMean         how many rows the mean is over
 * @param rows               explained rows in detail, in the order they were explained (the chosen order for
 *                           {@link TabularShapEvaluator}, row order for {@link TreeShapEvaluator})
 */
public record ShapReport(int schemaVersion, ShapMethod method, String units, long seed, String background,
        List<String> features, List<Double> meanAbsolute, int rowsInMean, List<ExplainedRow> rows)
        implements MetricSource {
    /** The current JSON schema version. */
    public static final int SCHEMA_VERSION = 1;

    public ShapReport {
        requireNonNull(method, "method");
        requireNonNull(units, "units");
        requireNonNull(background, "background");
        features = List.copyOf(features);
        meanAbsolute = List.copyOf(meanAbsolute);
        rows = List.copyOf(rows);
        if (meanAbsolute.size() != features.size()) {
            throw new IllegalArgumentException("one mean |SHAP value| per feature: " + meanAbsolute.size() + " for "
                    + features.size());
        }
    }

    /**
     * One explained row.
     *
     * @param row             its position among the evaluated rows (0-based)
     * @param truth           its true class
     * @param predicted       the class the model predicted, which is the explained one
     * @param expectedValue   {@code E[f]} of that class
     * @param outputValue     {@code f(x)} of that class
     * @param values          one SHAP value per feature column
     * @param standardErrors  one standard error per value (0 when exact)
     * @param additivityError {@code |Σφ − (f(x) − E[f])|}
     * @param converged       whether the estimate met its tolerance (always for the exact methods)
     * @param coalitions      coalitions evaluated (0 for TreeSHAP)
     */
    public record ExplainedRow(int row, String truth, String predicted, double expectedValue, double outputValue,
            List<Double> values, List<Double> standardErrors, double additivityError, boolean converged,
            long coalitions) {
        public ExplainedRow {
            requireNonNull(truth, "truth");
            requireNonNull(predicted, "predicted");
            values = List.copyOf(values);
            standardErrors = List.copyOf(standardErrors);
        }
    }

    @Override
    public List<MetricValue> metrics() {
        if (rows.isEmpty()) {
            return List.of();
        }
        double additivity = 0;
        double se = 0;
        int converged = 0;
        for (ExplainedRow r : rows) {
            additivity = Math.max(additivity, r.additivityError());
            for (double v : r.standardErrors()) {
                se = Double.isNaN(v) || Double.isNaN(se) ? Double.NaN : Math.max(se, v);
            }
            converged += r.converged() ? 1 : 0;
        }
        MetricValue seValue = Double.isNaN(se)
                ? new MetricValue(ExplanationMetric.SHAP_STANDARD_ERROR_MAX.jsonName(),
                        org.trustml.core.evaluation.Slice.OVERALL, Double.NaN,
                        java.util.Optional.of("a batch of KernelSHAP draws was too small to estimate it"))
                : MetricValue.of(ExplanationMetric.SHAP_STANDARD_ERROR_MAX, se);
        return List.of(MetricValue.of(ExplanationMetric.SHAP_ADDITIVITY_ERROR, additivity), seValue,
                MetricValue.of(ExplanationMetric.SHAP_CONVERGED_FRACTION, (double) converged / rows.size()));
    }
}
