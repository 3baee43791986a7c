package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;


/**
 * A group-fairness metric comparing an unprivileged with a privileged group of one protected
 * attribute (AIF360's {@code ClassificationMetric}/{@code BinaryLabelDatasetMetric} shape).
 * It goes on the card as {@code type} = the metric's name and {@code slice} =
 * {@code attribute: unprivileged vs privileged}, e.g. {@code sex: female vs male}.
 *
 * @param metric             which metric, e.g. {@link StandardMetric#DISPARATE_IMPACT}
 * @param value              its value
 * @param protectedAttribute the attribute, e.g. {@code sex}
 * @param unprivilegedGroup  the unprivileged group's value
 * @param privilegedGroup    the privileged group's value
 */
public record FairnessComparison(CardMetric metric, double value, String protectedAttribute, String unprivilegedGroup,
        String privilegedGroup) {
    public FairnessComparison {
        requireNonNull(metric, "metric");
        requireNonNull(protectedAttribute, "protectedAttribute");
        requireNonNull(unprivilegedGroup, "unprivilegedGroup");
        requireNonNull(privilegedGroup, "privilegedGroup");
    }

    /** The slice written on the card. */
    public String slice() {
        return protectedAttribute + ": " + unprivilegedGroup + " vs " + privilegedGroup;
    }

    /** As a card entry. */
    public PerformanceMetric toPerformanceMetric() {
        return PerformanceMetric.of(metric.jsonName(), value, slice());
    }
}
