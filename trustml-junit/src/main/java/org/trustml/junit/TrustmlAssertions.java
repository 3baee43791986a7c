package org.trustml.junit;

import org.assertj.core.api.Assertions;
import org.trustml.adversarial.RobustnessReport;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.drift.DriftReport;
import org.trustml.junit.internal.GateContext;

/**
 * Entry point of the model quality gates, and of all of AssertJ (it extends {@link Assertions}), so
 * one static import serves a test:
 * <pre>{@code
 * import static org.trustml.junit.TrustmlAssertions.assertThat;
 *
 * assertThat(evaluation).accuracy().isAtLeast(0.9);
 * assertThat(evaluation).fairness().metric(EQUAL_OPPORTUNITY_DIFFERENCE).isBetween(-0.1, 0.1);
 * assertThat(evaluation).adversarialAccuracyAt(0.03).isAtLeast(0.7);
 * assertThat(driftReport).hasNoDriftedColumns();
 * assertThat(evaluation).passes(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9));   // the bless stage's gate
 * }</pre>
 * A failure throws at once; {@link TrustmlSoftAssertions} collects every failed gate instead.
 */
public class TrustmlAssertions extends Assertions {
    protected TrustmlAssertions() {}

    /** Assertions on an evaluation, fairness report or any other {@link MetricSource}. */
    public static MetricSourceAssert assertThat(MetricSource actual) {
        return new MetricSourceAssert(actual, GateContext.throwing());
    }

    /** Assertions on a drift report. */
    public static DriftAssert assertThat(DriftReport actual) {
        return new DriftAssert(actual, GateContext.throwing());
    }

    /** Assertions on one attack's report; its values sit on the slice {@code eps=<the attack's eps>}. */
    public static MetricSourceAssert assertThat(RobustnessReport actual) {
        return new MetricSourceAssert(actual == null ? null : actual.atEps(), GateContext.throwing());
    }

    /** Assertions on the evaluation of a run; failure messages name its run id. */
    public static MetricSourceAssert assertThat(EvaluatedRun actual) {
        return forRun(actual, GateContext.throwing());
    }

    /** Assertions on a pipeline run ending in an evaluate or bless stage; messages name its run id. */
    public static MetricSourceAssert assertThat(PipelineRun<?> actual) {
        return forRun(actual == null ? null : EvaluatedRun.of(actual), GateContext.throwing());
    }

    static MetricSourceAssert forRun(EvaluatedRun run, GateContext context) {
        if (run == null) {
            return new MetricSourceAssert(null, context);
        }
        return new MetricSourceAssert(run.evaluation(), run.runId().map(context::withRunId).orElse(context));
    }
}
