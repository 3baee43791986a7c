package org.trustml.samples.gates;

import static org.trustml.fairness.FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE;
import static org.trustml.junit.TrustmlAssertions.assertThat;
import static org.trustml.junit.TrustmlAssertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.trustml.adversarial.RobustnessMetric;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.junit.EvaluatedRun;
import org.trustml.junit.TrustmlSoftAssertions;
import org.trustml.junit.TrustmlTest;

/**
 * The model quality gates of the tiny classifier, as a project's test suite would hold them. The
 * model is trained once for the class ({@link TinyClassifierSource}); the evaluation JSON and the
 * model card are attached to the test report.
 */
@TrustmlTest(source = TinyClassifierSource.class)
class TinyClassifierGatesTest {
    @Test
    void accurateOverallAndForWomen(EvaluatedRun run) {
        assertThat(run).accuracy().isAtLeast(0.9);
        assertThat(run).accuracy().inSlice(Slice.of("sex", "F")).isAtLeast(0.8);
    }

    @Test
    void fairAcrossSex(EvaluatedRun run) {
        assertThat(run).fairness().metric(EQUAL_OPPORTUNITY_DIFFERENCE).isBetween(-0.2, 0.2);
    }

    @Test
    void robustAndFaithfulToTheEpsBall(EvaluatedRun run) {
        // at eps 0 the attack changes nothing: adversarial accuracy = clean accuracy (ART's semantics)
        double clean = assertThat(run).robustnessAt(RobustnessMetric.CLEAN_ACCURACY, 0.0).value().orElseThrow();
        assertThat(run).adversarialAccuracyAt(0.0).isBetween(clean, clean);
        // PGD projects onto the eps-ball: no pixel moves more than 0.05 (float rounding: 1e-6)
        assertThat(run).robustnessAt(RobustnessMetric.PERTURBATION_LINF_MAX, 0.05).isAtMost(0.05 + 1e-6);
    }

    @Test
    void theTestSplitHasNotDriftedFromTraining(EvaluatedRun run) {
        assertThat(run).drift().hasNoDriftedColumns().driftShare().isAtMost(0);
    }

    @Test
    void blessedByTheSameGates(EvaluatedRun run, Verdict verdict, TinyClassifier.TinyEvaluation evaluation) {
        assertThat(evaluation).passes(TinyClassifier.GATES);
        assertThat(verdict.blessed()).isTrue();
    }

    @Test
    void everyGateAtOnce(EvaluatedRun run, NDManager manager) {
        TrustmlSoftAssertions softly = new TrustmlSoftAssertions();
        softly.assertThat(run).accuracy().isAtLeast(0.9);
        softly.assertThat(run).fairness().equalOpportunityDifference().isBetween(-0.2, 0.2);
        softly.assertThat(run).robustnessAt(RobustnessMetric.PERTURBATION_LINF_MAX, 0.05).isAtMost(0.05 + 1e-6);
        softly.assertThat(manager.isOpen()).isTrue();
        softly.assertAll();
    }

    /**
     * A gate that fails on purpose, to show the message: at eps 0 no attack can flip a prediction, so
     * the attack success rate is 0 and a bar of 0.5 is never met.
     */
    @Test
    void aFailingGateNamesMetricSliceValueBoundAndRun(EvaluatedRun run) {
        assertThatThrownBy(() -> assertThat(run).robustnessAt(RobustnessMetric.ATTACK_SUCCESS_RATE, 0.0).isAtLeast(0.5))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expecting attack_success_rate in slice eps=0.0 to be at least 0.5 but was 0 (run "
                        + run.runId().orElseThrow() + ")");
    }
}
