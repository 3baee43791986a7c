package org.trustml.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.trustml.junit.Fixtures.WOMEN;
import static org.trustml.junit.Fixtures.evaluation;

import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;

class SoftAssertionsTest {
    @Test
    void everyFailedGateIsReportedAtOnce() {
        TrustmlSoftAssertions softly = new TrustmlSoftAssertions();
        softly.assertThat(evaluation()).inRun("r7").accuracy().isAtLeast(0.9);                 // fails: 0.82
        softly.assertThat(evaluation()).accuracy().inSlice(WOMEN).isAtLeast(0.6);              // passes: 0.7
        softly.assertThat(evaluation()).passes(Gate.on(ClassificationMetric.ACCURACY).inSlice(WOMEN).atLeast(0.8), // fails: 0.7
                Gate.on(ClassificationMetric.ACCURACY).atMost(0.5));                                              // fails: 0.82
        softly.assertThat(evaluation()).adversarialAccuracyAt(0.03).isAtLeast(0.7);            // fails: 0.6
        softly.assertThat(1).isEqualTo(2);                                                     // AssertJ's own, collected too
        assertThat(softly.errorsCollected()).hasSize(5);
        Throwable all = catchThrowable(softly::assertAll);
        assertThat(all).isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("expecting accuracy to be at least 0.9 but was 0.82 (run r7)")
                .hasMessageContaining("expecting accuracy in slice sex=F to be at least 0.8 but was 0.7 (run unknown)")
                .hasMessageContaining("expecting accuracy to be at most 0.5 but was 0.82 (run unknown)")
                .hasMessageContaining("expecting adversarial_accuracy in slice eps=0.03 to be at least 0.7 but was 0.6");
    }

    @Test
    void nothingFailedNothingReported() {
        TrustmlSoftAssertions softly = new TrustmlSoftAssertions();
        softly.assertThat(evaluation()).accuracy().isAtLeast(0.8);
        assertThatCode(softly::assertAll).doesNotThrowAnyException();
    }
}
