package org.trustml.fairness;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the multiclass per-class table: the metrics one-vs-rest with {@code favorableClass} as
 * the favorable label.
 *
 * @param favorableClass the class treated as favorable
 * @param metrics        base rate, selection rate, TPR, FPR, accuracy per group and their comparisons
 * @param undefined      why a value is NaN
 */
public record ClassMetrics(String favorableClass, Map<String, FairnessValue> metrics, Map<String, String> undefined) {
    public ClassMetrics {
        Objects.requireNonNull(favorableClass, "favorableClass");
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        undefined = java.util.Collections.unmodifiableMap(new TreeMap<>(undefined));
    }
}
