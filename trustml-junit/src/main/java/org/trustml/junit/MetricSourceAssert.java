package org.trustml.junit;

import org.trustml.core.evaluation.MetricSource;
import org.trustml.junit.internal.GateContext;

/** Assertions on an evaluation or any other {@link MetricSource}; see {@link AbstractMetricSourceAssert}. */
public final class MetricSourceAssert extends AbstractMetricSourceAssert<MetricSourceAssert, MetricSource> {
    MetricSourceAssert(MetricSource actual, GateContext context) {
        super(actual, context, MetricSourceAssert.class);
    }
}
