package org.trustml.junit;

import org.assertj.core.api.SoftAssertions;
import org.trustml.adversarial.RobustnessReport;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.drift.DriftReport;
import org.trustml.junit.internal.GateContext;

/**
 * AssertJ's {@link SoftAssertions} plus the model quality gates: every failed gate is collected,
 * and {@link #assertAll()} reports them all at once.
 * <pre>{@code
 * TrustmlSoftAssertions softly = new TrustmlSoftAssertions();
 * softly.assertThat(evaluation).accuracy().isAtLeast(0.9);
 * softly.assertThat(evaluation).fairness().equalOpportunityDifference().isBetween(-0.1, 0.1);
 * softly.assertAll();                       // one error listing every failed gate
 * }</pre>
 * It works with AssertJ's {@code SoftAssertionsExtension} ({@code @InjectSoftAssertions}) and
 * {@code AutoCloseableSoftAssertions}-style use through {@link #assertAll()}.
 */
public class TrustmlSoftAssertions extends SoftAssertions {
    private GateContext collecting() {
        return GateContext.collecting(this::collectAssertionError);
    }

    /** Soft assertions on an evaluation or any other {@link MetricSource}. */
    public MetricSourceAssert assertThat(MetricSource actual) {
        return new MetricSourceAssert(actual, collecting());
    }

    /** Soft assertions on a drift report. */
    public DriftAssert assertThat(DriftReport actual) {
        return new DriftAssert(actual, collecting());
    }

    /** Soft assertions on one attack's report (slice {@code eps=<the attack's eps>}). */
    public MetricSourceAssert assertThat(RobustnessReport actual) {
        return new MetricSourceAssert(actual == null ? null : actual.atEps(), collecting());
    }

    /** Soft assertions on the evaluation of a run; messages name its run id. */
    public MetricSourceAssert assertThat(EvaluatedRun actual) {
        return TrustmlAssertions.forRun(actual, collecting());
    }

    /** Soft assertions on a pipeline run ending in an evaluate or bless stage. */
    public MetricSourceAssert assertThat(PipelineRun<?> actual) {
        return TrustmlAssertions.forRun(actual == null ? null : EvaluatedRun.of(actual), collecting());
    }
}
