package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How one metric (matched by type and slice) differs between two cards.
 *
 * @param type      the metric's name
 * @param slice     its slice; absent for the whole set
 * @param before    the old value (absent when the metric is new)
 * @param after     the new value (absent when the metric was dropped)
 * @param delta     {@code after − before}, when both exist
 * @param direction which way the metric improves ({@link CardMetric#directionOf})
 * @param verdict   what the change means
 */
public record MetricChange(String type, Optional<String> slice, Optional<Double> before, Optional<Double> after,
        Optional<Double> delta, MetricDirection direction, Verdict verdict) {

    /** What a change means for a reviewer. */
    public enum Verdict {
        /** Moved against its direction. */
        WORSE,
        /** Moved with its direction. */
        BETTER,
        /** Moved; its direction is not known. */
        MOVED,
        /** The same value. */
        UNCHANGED,
        /** Only in the new card. */
        ADDED,
        /** Only in the old card. */
        REMOVED
    }

    public MetricChange {
        requireNonNull(type, "type");
        requireNonNull(direction, "direction");
        requireNonNull(verdict, "verdict");
        slice = slice == null ? Optional.empty() : slice;
    }

    /** {@code after / before − 1}, when both exist and before ≠ 0. */
    public Optional<Double> relativeChange() {
        return before.filter(b -> b != 0).flatMap(b -> after.map(a -> a / b - 1));
    }
}
