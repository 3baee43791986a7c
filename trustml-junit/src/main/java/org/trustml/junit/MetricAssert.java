package org.trustml.junit;

import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.Slice;
import org.trustml.junit.internal.GateContext;

/** Assertions on one metric on one slice; see {@link AbstractMetricAssert}. */
public final class MetricAssert extends AbstractMetricAssert<MetricAssert> {
    MetricAssert(MetricSource actual, MetricKey metric, Slice slice, GateContext context) {
        super(actual, metric, slice, context, MetricAssert.class);
    }
}
