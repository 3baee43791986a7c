package org.trustml.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One metric's value on one slice.
 *
 * @param name  the metric's snake_case name as its peer spells it ({@code accuracy},
 *              {@code equal_opportunity_difference}, {@code adversarial_accuracy@0.03})
 * @param slice the rows it was computed on
 * @param value the value; NaN when undefined (then {@code undefinedReason} says why)
 * @param undefinedReason why the value is NaN, e.g. "no privileged positives (TPR denominator 0)"
 * @param interval a confidence interval of the value, when one was computed (a fairness report with
 *                 {@code --ci}); in JSON only when present. A gate can require the whole interval within its
 *                 bounds ({@link Gate.Builder}, {@code wholeInterval()})
 */
public record MetricValue(String name, Slice slice, double value, Optional<String> undefinedReason,
                          Optional<MetricInterval> interval) {
    public MetricValue {
        requireNonNull(name, "name");
        requireNonNull(slice, "slice");
        requireNonNull(undefinedReason, "undefinedReason");
        requireNonNull(interval, "interval");
    }

    /** A value without an interval. */
    public MetricValue(String name, Slice slice, double value, Optional<String> undefinedReason) {
        this(name, slice, value, undefinedReason, Optional.empty());
    }

    /** The same value with this confidence interval. */
    public MetricValue withInterval(MetricInterval ci) {
        return new MetricValue(name, slice, value, undefinedReason, Optional.of(requireNonNull(ci, "ci")));
    }

    /** A defined value. */
    public static MetricValue of(String name, Slice slice, double value) {
        return new MetricValue(name, slice, value, Optional.empty());
    }

    /** A value on the whole dataset. */
    public static MetricValue of(String name, double value) {
        return of(name, Slice.OVERALL, value);
    }

    /** A defined value of a typed metric. */
    public static MetricValue of(MetricKey metric, Slice slice, double value) {
        return of(metric.jsonName(), slice, value);
    }

    /** A value of a typed metric on the whole dataset. */
    public static MetricValue of(MetricKey metric, double value) {
        return of(metric.jsonName(), Slice.OVERALL, value);
    }

    /** An undefined value (NaN) and why. */
    public static MetricValue undefined(String name, Slice slice, String reason) {
        return new MetricValue(name, slice, Double.NaN, Optional.of(reason));
    }
}
