package org.trustml.explain;

import java.util.List;
import org.trustml.core.evaluation.MetricCatalog;
import org.trustml.core.evaluation.MetricKey;

/**
 * The numbers an {@link ExplanationReport} (images) or a {@link TabularExplanationReport} (rows) gives gates: how
 * well LIME's local models fit (their R² score); and those of a {@link ShapReport}: how exact its SHAP values are.
 */
public enum ExplanationMetric implements MetricKey {
    /** Mean of the explained images' or rows' local-model scores (lime's {@code Explanation.score}). */
    LIME_SCORE_MEAN("lime_score_mean"),
    /** Smallest of the explained images' or rows' local-model scores. */
    LIME_SCORE_MIN("lime_score_min"),
    /** Largest {@code |Σφ − (f(x) − E[f])|} over the explained rows (rounding for every method here). */
    SHAP_ADDITIVITY_ERROR("shap_additivity_error"),
    /** Largest standard error of an explained row's SHAP values (0 for the exact methods). */
    SHAP_STANDARD_ERROR_MAX("shap_standard_error_max"),
    /** Share of the explained rows whose estimate converged (1 for the exact methods). */
    SHAP_CONVERGED_FRACTION("shap_converged_fraction");

    private final String jsonName;

    ExplanationMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** Every constant, for pipeline files ({@code META-INF/services/org.trustml.core.evaluation.MetricCatalog}). */
    public static final class Catalog implements MetricCatalog {
        @Override
        public List<MetricKey> metrics() {
            return List.of(values());
        }
    }
}
