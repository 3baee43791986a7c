package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Optional;
import org.trustml.core.InvalidInputException;

/**
 * A metric's identity on a card: the snake_case name written as {@code performance_metrics[].type}
 * and the direction in which it improves. {@link StandardMetric} lists the metrics trustml's modules
 * report; {@link #of(String, MetricDirection)} names any other.
 */
public interface CardMetric {
    /** The name written on the card, e.g. {@code accuracy}, {@code disparate_impact}. */
    String jsonName();

    /** Which way the metric improves. */
    MetricDirection direction();

    /** A metric not in {@link StandardMetric}; the name must be non-blank. */
    static CardMetric of(String jsonName, MetricDirection direction) {
        requireNonNull(jsonName, "jsonName");
        requireNonNull(direction, "direction");
        if (jsonName.isBlank()) {
            throw InvalidInputException.problem("is blank").column("metric name").value(jsonName)
                    .expected("a metric name such as 'accuracy'").build();
        }
        return new Custom(jsonName, direction);
    }

    /** The standard metric with this name, if there is one. */
    static Optional<CardMetric> lookup(String jsonName) {
        return Arrays.stream(StandardMetric.values()).filter(m -> m.jsonName().equals(jsonName))
                .map(CardMetric.class::cast).findFirst();
    }

    /** The direction of a metric named on a card: the standard one's, else {@link MetricDirection#UNKNOWN}. */
    static MetricDirection directionOf(String jsonName) {
        return lookup(jsonName).map(CardMetric::direction).orElse(MetricDirection.UNKNOWN);
    }

    /** A caller-named metric. */
    record Custom(String jsonName, MetricDirection direction) implements CardMetric {}
}
