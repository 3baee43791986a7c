package org.trustml.fairness;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.evaluation.MetricCatalog;
import org.trustml.core.evaluation.MetricKey;

/**
 * Every metric of a {@link FairnessReport}, named in JSON as AIF360 names the method
 * ({@code ClassificationMetric.true_positive_rate_difference}, {@code aif360.sklearn.metrics.kl_divergence}).
 * Per-group metrics have a value for the overall, privileged and unprivileged rows; the others are one number.
 *
 * <p>Where a denominator is zero the value is NaN and the report's {@code undefined} map says why.
 * AIF360 v0.6.1 instead returns 0 for {@link #POSITIVE_PREDICTIVE_VALUE}, {@link #NEGATIVE_PREDICTIVE_VALUE},
 * {@link #FALSE_DISCOVERY_RATE}, {@link #FALSE_OMISSION_RATE} and {@link #ACCURACY} (and so 1 for
 * {@link #ERROR_RATE}) in that case, and numpy's nan or ±inf elsewhere: a silent 0 reads as a measurement
 * (and a difference of two such zeros as "fair"), so trustml does not return one. In JSON, NaN and
 * infinities are written as the strings {@code "NaN"}, {@code "Infinity"} (Jackson's default).
 *
 * <p>As a {@link MetricKey} ({@code Gate.on(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE)}) a constant names the
 * report's classification value ({@link FairnessReport#metrics()}); {@link #ofDataset()} names the dataset
 * value ({@code dataset.disparate_impact}), the metric of the true labels.
 */
public enum FairnessMetric implements MetricKey {
    // dataset metrics (true labels)
    NUM_INSTANCES(true), NUM_POSITIVES(true), NUM_NEGATIVES(true), BASE_RATE(true),
    DISPARATE_IMPACT(false), STATISTICAL_PARITY_DIFFERENCE(false), CONSISTENCY(false),
    SMOOTHED_EMPIRICAL_DIFFERENTIAL_FAIRNESS(false), CLASS_IMBALANCE(false), KL_DIVERGENCE(false),
    CONDITIONAL_DEMOGRAPHIC_DISPARITY(false),
    // confusion counts
    NUM_TRUE_POSITIVES(true), NUM_FALSE_POSITIVES(true), NUM_TRUE_NEGATIVES(true), NUM_FALSE_NEGATIVES(true),
    NUM_GENERALIZED_TRUE_POSITIVES(true), NUM_GENERALIZED_FALSE_POSITIVES(true),
    NUM_GENERALIZED_TRUE_NEGATIVES(true), NUM_GENERALIZED_FALSE_NEGATIVES(true),
    NUM_PRED_POSITIVES(true), NUM_PRED_NEGATIVES(true),
    // rates
    TRUE_POSITIVE_RATE(true), TRUE_NEGATIVE_RATE(true), FALSE_POSITIVE_RATE(true), FALSE_NEGATIVE_RATE(true),
    GENERALIZED_TRUE_POSITIVE_RATE(true), GENERALIZED_TRUE_NEGATIVE_RATE(true),
    GENERALIZED_FALSE_POSITIVE_RATE(true), GENERALIZED_FALSE_NEGATIVE_RATE(true),
    POSITIVE_PREDICTIVE_VALUE(true), NEGATIVE_PREDICTIVE_VALUE(true), FALSE_DISCOVERY_RATE(true),
    FALSE_OMISSION_RATE(true), ACCURACY(true), ERROR_RATE(true), SELECTION_RATE(true),
    // unprivileged minus / over privileged
    TRUE_POSITIVE_RATE_DIFFERENCE(false), TRUE_POSITIVE_RATE_RATIO(false),
    TRUE_NEGATIVE_RATE_DIFFERENCE(false), TRUE_NEGATIVE_RATE_RATIO(false),
    FALSE_POSITIVE_RATE_DIFFERENCE(false), FALSE_POSITIVE_RATE_RATIO(false),
    FALSE_NEGATIVE_RATE_DIFFERENCE(false), FALSE_NEGATIVE_RATE_RATIO(false),
    POSITIVE_PREDICTIVE_VALUE_DIFFERENCE(false), POSITIVE_PREDICTIVE_VALUE_RATIO(false),
    NEGATIVE_PREDICTIVE_VALUE_DIFFERENCE(false), NEGATIVE_PREDICTIVE_VALUE_RATIO(false),
    FALSE_DISCOVERY_RATE_DIFFERENCE(false), FALSE_DISCOVERY_RATE_RATIO(false),
    FALSE_OMISSION_RATE_DIFFERENCE(false), FALSE_OMISSION_RATE_RATIO(false),
    ACCURACY_DIFFERENCE(false), ACCURACY_RATIO(false),
    ERROR_RATE_DIFFERENCE(false), ERROR_RATE_RATIO(false),
    SELECTION_RATE_DIFFERENCE(false), SELECTION_RATE_RATIO(false),
    // group fairness on predictions
    EQUAL_OPPORTUNITY_DIFFERENCE(false), AVERAGE_ODDS_DIFFERENCE(false), AVERAGE_ABS_ODDS_DIFFERENCE(false),
    AVERAGE_PREDICTIVE_VALUE_DIFFERENCE(false), EQUALIZED_ODDS_DIFFERENCE(false),
    GENERALIZED_EQUALIZED_ODDS_DIFFERENCE(false),
    // inequality indices
    GENERALIZED_ENTROPY_INDEX(false), THEIL_INDEX(false), COEFFICIENT_OF_VARIATION(false),
    BETWEEN_GROUP_GENERALIZED_ENTROPY_INDEX(false), BETWEEN_GROUP_THEIL_INDEX(false),
    BETWEEN_GROUP_COEFFICIENT_OF_VARIATION(false),
    BETWEEN_ALL_GROUPS_GENERALIZED_ENTROPY_INDEX(false), BETWEEN_ALL_GROUPS_THEIL_INDEX(false),
    BETWEEN_ALL_GROUPS_COEFFICIENT_OF_VARIATION(false),
    DIFFERENTIAL_FAIRNESS_BIAS_AMPLIFICATION(false);

    private final boolean perGroup;

    FairnessMetric(boolean perGroup) {
        this.perGroup = perGroup;
    }

    /** Whether the metric has an overall, privileged and unprivileged value. */
    public boolean perGroup() {
        return perGroup;
    }

    /** The snake_case name used in JSON, AIF360's method name. */
    @JsonValue
    @Override
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dataset section's value of this metric (of the true labels): {@code dataset.<name>}. */
    public OfDataset ofDataset() {
        return new OfDataset(this);
    }

    /**
     * The names a fairness report gives gates: every constant, then each as {@code dataset.<name>}. Listed in
     * {@code META-INF/services/org.trustml.core.evaluation.MetricCatalog}, so pipeline files resolve them.
     */
    public static final class Catalog implements MetricCatalog {
        @Override
        public List<MetricKey> metrics() {
            List<MetricKey> out = new ArrayList<>(List.of(values()));
            for (FairnessMetric m : values()) {
                out.add(m.ofDataset());
            }
            return out;
        }
    }

    /**
     * A metric of the report's dataset section, as a gate names it: {@code dataset.<name>}.
     *
     * @param metric the metric
     */
    public record OfDataset(FairnessMetric metric) implements MetricKey {
        public OfDataset {
            java.util.Objects.requireNonNull(metric, "metric");
        }

        @Override
        public String jsonName() {
            return "dataset." + metric.jsonName();
        }

        @Override
        public String toString() {
            return jsonName();
        }
    }

    /** The id whose {@link #jsonName()} is {@code name}. */
    public static FairnessMetric fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
