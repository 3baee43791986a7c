package org.trustml.core.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * Anything that holds metric values by name and slice: a fairness report, a robustness report, a
 * confusion matrix, a drift report, an {@link Evaluation} that merges them. Gates, model cards and
 * assertions read results through this one interface.
 */
public interface MetricSource {
    /** Every value this source holds. */
    List<MetricValue> metrics();

    /** The value of {@code metric} on {@code slice}, if this source has it. */
    default Optional<MetricValue> metric(MetricKey metric, Slice slice) {
        return metric(metric.jsonName(), slice);
    }

    /** The value of {@code metric} on the whole dataset, if this source has it. */
    default Optional<MetricValue> metric(MetricKey metric) {
        return metric(metric, Slice.OVERALL);
    }

    /**
     * The value of {@code name} on {@code slice}, if this source has it. By name, because values are
     * stored by name ({@link MetricValue#name()}) and names come from files; in code, prefer
     * {@link #metric(MetricKey, Slice)}.
     */
    default Optional<MetricValue> metric(String name, Slice slice) {
        return metrics().stream().filter(m -> m.name().equals(name) && m.slice().equals(slice)).findFirst();
    }

    /** The value of {@code name} on the whole dataset, if this source has it; see {@link #metric(String, Slice)}. */
    default Optional<MetricValue> metric(String name) {
        return metric(name, Slice.OVERALL);
    }
}
