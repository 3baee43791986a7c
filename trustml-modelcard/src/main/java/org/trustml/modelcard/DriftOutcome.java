package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one drift test (alibi-detect / Evidently shape): on the card as
 * {@code drift_statistic}, {@code drift_p_value} (when the test has one) and {@code drift_detected}
 * (1 or 0), each with slice {@code test=ks, feature=age} (or {@code test=mmd} for a whole-input test).
 *
 * @param test          the test's name, e.g. {@code ks}, {@code mmd}, {@code autoencoder}
 * @param feature       the feature tested, absent for a multivariate test
 * @param statistic     the test statistic
 * @param pValue        its p-value, if the test gives one
 * @param driftDetected whether the check flagged drift at its threshold
 */
public record DriftOutcome(String test, Optional<String> feature, double statistic, Optional<Double> pValue,
        boolean driftDetected) {
    public DriftOutcome {
        requireNonNull(test, "test");
        feature = feature == null ? Optional.empty() : feature;
        pValue = pValue == null ? Optional.empty() : pValue;
    }

    /** The slice written on the card. */
    public String slice() {
        return "test=" + test + feature.map(f -> ", feature=" + f).orElse("");
    }

    /** The card entries. */
    public List<PerformanceMetric> toPerformanceMetrics() {
        Optional<String> slice = Optional.of(slice());
        List<PerformanceMetric> out = new java.util.ArrayList<>();
        out.add(PerformanceMetric.of(StandardMetric.DRIFT_STATISTIC.jsonName(), statistic, slice, Optional.empty()));
        pValue.ifPresent(p -> out.add(PerformanceMetric.of(StandardMetric.DRIFT_P_VALUE.jsonName(), p, slice,
                Optional.empty())));
        out.add(PerformanceMetric.of(StandardMetric.DRIFT_DETECTED.jsonName(), driftDetected ? 1.0 : 0.0, slice,
                Optional.empty()));
        return List.copyOf(out);
    }
}
