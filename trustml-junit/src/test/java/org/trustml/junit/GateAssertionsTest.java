package org.trustml.junit;

import static org.trustml.junit.Fixtures.MEN;
import static org.trustml.junit.Fixtures.WOMEN;
import static org.trustml.junit.Fixtures.evaluation;
import static org.trustml.junit.TrustmlAssertions.assertThat;
import static org.trustml.junit.TrustmlAssertions.assertThatCode;
import static org.trustml.junit.TrustmlAssertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.adversarial.RobustnessMetric;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.pipeline.PipelineRun;

class GateAssertionsTest {
    @TempDir
    Path dir;

    @Test
    void passingChecksReturnQuietly() {
        // 0.82 >= 0.8, 0.7 in [0.6, 0.8]: the values of Fixtures.evaluation()
        assertThatCode(() -> assertThat(evaluation()).accuracy().isAtLeast(0.8).isAtMost(0.9)
                .inSlice(WOMEN).isBetween(0.6, 0.8)).doesNotThrowAnyException();
    }

    @Test
    void aFailureNamesMetricBoundValueAndRun() {
        assertThatThrownBy(() -> assertThat(evaluation()).accuracy().isAtLeast(0.9))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expecting accuracy to be at least 0.9 but was 0.82 (run unknown)");
        assertThatThrownBy(() -> assertThat(evaluation()).inRun("3f2a").accuracy().inSlice(WOMEN).isAtLeast(0.75))
                .hasMessage("expecting accuracy in slice sex=F to be at least 0.75 but was 0.7 (run 3f2a)");
        assertThatThrownBy(() -> assertThat(evaluation()).accuracy().isBetween(0.85, 0.95))
                .hasMessage("expecting accuracy to be between 0.85 and 0.95 but was 0.82 (run unknown)");
        assertThatThrownBy(() -> assertThat(evaluation()).accuracy().isAtMost(0.5))
                .hasMessage("expecting accuracy to be at most 0.5 but was 0.82 (run unknown)");
    }

    @Test
    void undefinedAndMissingMetricsFailAndSayWhy() {
        assertThatThrownBy(() -> assertThat(evaluation()).metric(ClassificationMetric.RECALL, MEN).isAtLeast(0.5))
                .hasMessage("expecting recall in slice sex=M to be at least 0.5 but was NaN "
                        + "(undefined: no positives in the slice) (run unknown)");
        assertThatThrownBy(() -> assertThat(evaluation()).metric(ClassificationMetric.RECALL).isDefined())
                .hasMessageStartingWith("expecting recall to be defined but it was not found; "
                        + "recall exists on the slices sex=M");
        assertThatThrownBy(() -> assertThat(evaluation()).metric(ClassificationMetric.F1).isAtLeast(0.5))
                .hasMessageContaining("it was not found; the evaluation has accuracy, recall, adversarial_accuracy");
        assertThatThrownBy(() -> assertThat(Evaluation.of(List.of())).accuracy().isAtLeast(0.5))
                .hasMessageContaining("the evaluation holds no metrics");
    }

    @Test
    void passesJudgesTheBlessStagesGatesAndReportsEveryFailure() {
        Gate accuracy = Gate.on(ClassificationMetric.ACCURACY).atLeast(0.9);
        Gate women = Gate.on(ClassificationMetric.ACCURACY).inSlice(WOMEN).atLeast(0.6);
        Gate recall = Gate.on(ClassificationMetric.RECALL).inSlice(MEN).atLeast(0.5);
        // the same gates give the bless stage 2 failures of 3
        Verdict verdict = Verdict.judge(List.of(accuracy, women, recall), evaluation(), Optional.empty());
        assertThat(verdict.failures()).hasSize(2);
        assertThatThrownBy(() -> assertThat(evaluation()).passes(accuracy, women, recall))
                .hasMessage("2 gates failed:\n"
                        + "expecting accuracy to be at least 0.9 but was 0.82 (run unknown)\n"
                        + "expecting recall in slice sex=M to be at least 0.5 but was NaN "
                        + "(undefined: no positives in the slice) (run unknown)");
        assertThatCode(() -> assertThat(evaluation()).passes(women)).doesNotThrowAnyException();
        assertThatCode(() -> assertThat(evaluation()).accuracy().inSlice(WOMEN).passes(women)).doesNotThrowAnyException();
    }

    @Test
    void aGateOnAnotherMetricIsRefused() {
        assertThatThrownBy(() -> assertThat(evaluation()).accuracy().passes(Gate.on(ClassificationMetric.RECALL).atLeast(0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the gate is on recall, not on accuracy");
    }

    @Test
    void changeThresholdsCompareWithTheBaseline() {
        Evaluation baseline = Evaluation.of(List.of(MetricValue.of("accuracy", 0.85)));
        // 0.82 - 0.85 = -0.03: within 0.05 of the baseline, not within 0.01
        assertThatCode(() -> assertThat(evaluation()).againstBaseline(baseline).accuracy().isNoWorseThanBaseline(0.05))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThat(evaluation()).againstBaseline(baseline).accuracy().isNoWorseThanBaseline(0.01))
                .hasMessage("expecting accuracy to be within change >= -0.01 (higher is better) of the baseline "
                        + "but was 0.82 against the baseline 0.85 (run unknown)");
        assertThatThrownBy(() -> assertThat(evaluation()).accuracy().isNoWorseThanBaseline(0.01))
                .hasMessageEndingWith("but was 0.82, and there is no baseline value to compare with (run unknown)");
    }

    @Test
    void robustnessIsReadAtAnEps() {
        assertThatThrownBy(() -> assertThat(evaluation()).adversarialAccuracyAt(0.03).isAtLeast(0.7))
                .hasMessage("expecting adversarial_accuracy in slice eps=0.03 to be at least 0.7 but was 0.6 (run unknown)");
        // 0.1 is written "0.1"; a float eps (0.03f as a double) matches within 1e-6
        assertThatCode(() -> assertThat(evaluation()).robustnessAt(RobustnessMetric.CLEAN_ACCURACY, 0.1).isAtLeast(0.8))
                .doesNotThrowAnyException();
        Evaluation floatEps = Evaluation.of(List.of(evaluation().metrics().get(4)));
        assertThatThrownBy(() -> assertThat(floatEps).adversarialAccuracyAt(0.03).isAtLeast(0.7))
                .hasMessageContaining("in slice eps=0.029999999329447746 to be at least 0.7 but was 0.6");
    }

    @Test
    void aRunsIdIsNamedInItsMessages() {
        PipelineRun<Blessing<Evaluation>> run = Fixtures.blessedRun(dir, evaluation(), Gate.on(ClassificationMetric.ACCURACY).atLeast(0.8));
        assertThatThrownBy(() -> assertThat(run).accuracy().isAtLeast(0.9))
                .hasMessage("expecting accuracy to be at least 0.9 but was 0.82 (run " + run.record().runId() + ")");
        EvaluatedRun loaded = EvaluatedRun.load(run.runDirectory());
        assertThat(loaded.verdict()).hasValueSatisfying(v -> assertThat(v.blessed()).isTrue());
        assertThatThrownBy(() -> assertThat(loaded).accuracy().isAtLeast(0.9))
                .hasMessageEndingWith("(run " + run.record().runId() + ")");
    }
}
