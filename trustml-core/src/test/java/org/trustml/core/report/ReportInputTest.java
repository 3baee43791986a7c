package org.trustml.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;

class ReportInputTest {
    private static final Evaluation NONE = Evaluation.of(List.of());
    private static final Verdict EMPTY = Verdict.judge(List.of(), NONE, Optional.empty());

    @Test
    void sectionsFindTheirResultsAndAttachmentsByType() {
        Map<String, MetricSource> results = new LinkedHashMap<>();
        results.put("b", Evaluation.of(List.of(MetricValue.of("x", 1))));
        results.put("other", () -> List.of());
        results.put("a", NONE);
        ReportInput in = ReportInput.of("t", NONE, EMPTY).withEvaluators(results).withAttachment("a card")
                .withAttachment(42);
        assertThat(in.results(Evaluation.class).keySet()).containsExactly("b", "a"); // the evaluation's order
        assertThat(in.attachment(Integer.class)).contains(42);
        assertThat(in.attachment(Double.class)).isEmpty();
    }

    @Test
    void aTitleIsRequired() {
        assertThatThrownBy(() -> ReportInput.of(" ", NONE, EMPTY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title");
    }
}
