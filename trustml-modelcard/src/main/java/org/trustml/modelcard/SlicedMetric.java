package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A neutral (name, value, slice) triple that any evaluation result can be mapped to before it goes
 * on a card: a classification metric overall or on a slice of a protected attribute.
 *
 * @param metric             which metric
 * @param value              its value (NaN is allowed and written as MCT writes it, {@code "nan"}; the
 *                           card builder turns an undefined value into a limitation instead)
 * @param slice              the slice, e.g. {@code sex=female}; absent for the whole evaluation set
 * @param confidenceInterval its confidence interval, if known
 */
public record SlicedMetric(CardMetric metric, double value, Optional<String> slice,
        Optional<ConfidenceInterval> confidenceInterval) {
    public SlicedMetric {
        requireNonNull(metric, "metric");
        slice = slice == null ? Optional.empty() : slice;
        confidenceInterval = confidenceInterval == null ? Optional.empty() : confidenceInterval;
    }

    /** The metric on the whole set. */
    public static SlicedMetric overall(CardMetric metric, double value) {
        return new SlicedMetric(metric, value, Optional.empty(), Optional.empty());
    }

    /** The metric on the rows where {@code attribute} is {@code group}: slice {@code attribute=group}. */
    public static SlicedMetric onSlice(CardMetric metric, double value, String attribute, String group) {
        return new SlicedMetric(metric, value, Optional.of(attribute + "=" + group), Optional.empty());
    }

    /** This metric with a confidence interval. */
    public SlicedMetric withConfidenceInterval(double lower, double upper) {
        return new SlicedMetric(metric, value, slice, Optional.of(ConfidenceInterval.of(lower, upper)));
    }

    /** As a card entry. */
    public PerformanceMetric toPerformanceMetric() {
        return PerformanceMetric.of(metric.jsonName(), value, slice, confidenceInterval);
    }
}
