package org.trustml.junit;

import static java.util.Objects.requireNonNull;

import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Slice;
import org.trustml.fairness.FairnessMetric;
import org.trustml.junit.internal.GateContext;

/**
 * Assertions on the AIF360 metrics of a {@link org.trustml.fairness.FairnessReport} (or of an
 * evaluation that holds one). Metrics are named by {@link FairnessMetric}:
 * {@code fairness().metric(EQUAL_OPPORTUNITY_DIFFERENCE).isBetween(-0.1, 0.1)}. A per-group rate is
 * read on {@link #PRIVILEGED} or {@link #UNPRIVILEGED} with {@code inSlice}.
 */
public final class FairnessAssert extends AbstractMetricSourceAssert<FairnessAssert, MetricSource> {
    /** The privileged rows of a per-group metric, as the fairness report names them. */
    public static final Slice PRIVILEGED = Slice.of("group", "privileged");
    /** The unprivileged rows of a per-group metric. */
    public static final Slice UNPRIVILEGED = Slice.of("group", "unprivileged");

    FairnessAssert(MetricSource actual, GateContext context) {
        super(actual, context, FairnessAssert.class);
    }

    /**
     * A metric by id: the classification metric of that name (predictions against labels), or the
     * dataset metric ({@code dataset.<name>}) when the report has no classification one.
     */
    public MetricAssert metric(FairnessMetric id) {
        requireNonNull(id, "id");
        boolean classification = actual.metrics().stream().anyMatch(m -> m.name().equals(id.jsonName()));
        return metric(classification ? id : id.ofDataset());
    }

    /** A metric of the true labels only ({@code dataset.disparate_impact}, {@code dataset.base_rate}). */
    public MetricAssert datasetMetric(FairnessMetric id) {
        return metric(requireNonNull(id, "id").ofDataset());
    }

    /** {@code equal_opportunity_difference}: TPR(unprivileged) − TPR(privileged). */
    public MetricAssert equalOpportunityDifference() {
        return metric(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE);
    }

    /** {@code average_odds_difference}: mean of the FPR and TPR differences. */
    public MetricAssert averageOddsDifference() {
        return metric(FairnessMetric.AVERAGE_ODDS_DIFFERENCE);
    }

    /** {@code statistical_parity_difference} of the predictions. */
    public MetricAssert statisticalParityDifference() {
        return metric(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE);
    }

    /** {@code disparate_impact} of the predictions. */
    public MetricAssert disparateImpact() {
        return metric(FairnessMetric.DISPARATE_IMPACT);
    }
}
