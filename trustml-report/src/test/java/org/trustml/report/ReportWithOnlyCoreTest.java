package org.trustml.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Predictions;
import org.trustml.core.evaluation.PredictionsEvaluation;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.ReportInput;
import org.trustml.core.table.StringColumn;

/**
 * This module's test class path has trustml-core but none of the analysis modules (its pom says why): the report
 * renders the evaluation's own sections and leaves the others out, without error.
 */
class ReportWithOnlyCoreTest {
    private static final List<String> ANALYSIS_SECTIONS = List.of("fairness", "explanations", "robustness", "drift",
            "model-card");

    @TempDir
    Path dir;

    @Test
    void theAnalysisModulesAreNotOnTheClassPath() {
        for (String type : List.of("org.trustml.fairness.FairnessReport", "org.trustml.explain.ExplanationReport",
                "org.trustml.adversarial.RobustnessEvaluation", "org.trustml.drift.DriftReport",
                "org.trustml.modelcard.ModelCard")) {
            assertThatThrownBy(() -> Class.forName(type)).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void rendersTheEvaluationsSectionsAndNoAnalysisSection() {
        String html = HtmlReport.of("CT demo", CoreReports.blessing(dir)).attach("an attachment no section reads").html();
        for (String id : List.of("summary", "confusion", "slices", "verdict", "metrics")) {
            assertThat(html).contains("id=\"" + id + "\"");
        }
        for (String id : ANALYSIS_SECTIONS) {
            assertThat(html).doesNotContain("id=\"" + id + "\"").doesNotContain("href=\"#" + id + "\"");
        }
        assertThat(html).doesNotContain("evaluator ran").doesNotContain("No model card");
        // hand-worked: 9 of 12 predictions right (all 6 of M but one negative, 1 of 3 positives of the other group)
        // = 0.750 >= 0.7 passes; recall of the positives of the second group 1/3 = 0.333 < 0.6 fails
        assertThat(html).contains("1 of 2 gates passed · accuracy 0.750 on 12 evaluated images")
                .contains("Bless verdict: NOT_BLESSED").contains("<td>custom_score</td>");
    }

    @Test
    void aModelNeutralInputWithoutClassificationHasNoConfusionOrSlices() {
        Evaluation predictions = Evaluation.of(List.of(MetricValue.of("mean_score", 0.5)));
        Verdict verdict = Verdict.judge(List.of(Gate.on(MetricKey.named("mean_score")).atLeast(0.4)), predictions, Optional.empty());
        String html = HtmlReport.of(ReportInput.of("served model", predictions, verdict)).html();
        assertThat(html).contains("id=\"verdict\"").contains("id=\"metrics\"").contains("<td>mean_score</td>")
                .contains("1 of 1 gates passed</p>").doesNotContain("id=\"confusion\"").doesNotContain("id=\"slices\"");
    }

    @Test
    void predictionsFromAnywhereGetTheSameReportAsAModelsEvaluation() {
        // six logged predictions (a served model's, say): 4 of 6 right, so accuracy 4/6 = 0.667 by hand
        Predictions logged = Predictions.builder(List.of("no", "yes")).truth(0, 0, 1, 1, 1, 0).predicted(0, 1, 1, 0, 1, 0)
                .attribute(StringColumn.of("sex", "F", "F", "F", "M", "M", "M")).build();
        PredictionsEvaluation evaluation = new PredictionsEvaluation(logged.report(List.of("sex"), List.of()), Map.of());
        Verdict verdict = Verdict.judge(List.of(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.6)), evaluation,
                Optional.empty());
        String html = HtmlReport.of("served model", new Blessing<>(evaluation, verdict)).html();
        assertThat(html).contains("id=\"confusion\"").contains("id=\"slices\"")
                .contains("1 of 1 gates passed · accuracy 0.667 on 6 evaluated rows")
                .contains("predictions of no, yes");
    }
}
