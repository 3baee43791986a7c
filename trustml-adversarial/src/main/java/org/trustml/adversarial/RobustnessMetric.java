package org.trustml.adversarial;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.trustml.core.evaluation.MetricCatalog;
import org.trustml.core.evaluation.MetricKey;

/**
 * Typed ids of the numbers in a {@link RobustnessReport}; the JSON names follow ART where ART has the metric.
 * As a {@link MetricKey} a gate names the value on the slice {@code eps=<eps>} that {@link RobustnessEvaluator}
 * writes: {@code Gate.on(RobustnessMetric.ADVERSARIAL_ACCURACY).inSlice(Slice.of("eps", "0.03"))}.
 */
public enum RobustnessMetric implements MetricKey {
    /** Fraction of clean inputs classified as their label. */
    CLEAN_ACCURACY("clean_accuracy"),
    /** Fraction of adversarial inputs still classified as their label. */
    ADVERSARIAL_ACCURACY("adversarial_accuracy"),
    /** ART's compute_success: prediction changed (untargeted) or equals the target (targeted). */
    ATTACK_SUCCESS_RATE("attack_success_rate"),
    PERTURBATION_LINF_MEAN("perturbation_linf_mean"),
    PERTURBATION_LINF_MEDIAN("perturbation_linf_median"),
    PERTURBATION_LINF_MAX("perturbation_linf_max"),
    PERTURBATION_L1_MEAN("perturbation_l1_mean"),
    PERTURBATION_L1_MEDIAN("perturbation_l1_median"),
    PERTURBATION_L1_MAX("perturbation_l1_max"),
    PERTURBATION_L2_MEAN("perturbation_l2_mean"),
    PERTURBATION_L2_MEDIAN("perturbation_l2_median"),
    PERTURBATION_L2_MAX("perturbation_l2_max"),
    /** ART's art.metrics.empirical_robustness (minimal FGSM, mean ‖δ‖/‖x‖ over flipped samples). */
    EMPIRICAL_ROBUSTNESS("empirical_robustness"),
    /** ART's art.metrics.loss_sensitivity (mean ‖∇ₓ L‖₂). */
    LOSS_SENSITIVITY("loss_sensitivity");

    private final String jsonName;

    RobustnessMetric(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
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
