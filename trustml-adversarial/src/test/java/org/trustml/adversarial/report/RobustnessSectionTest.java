package org.trustml.adversarial.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.adversarial.RobustnessEvaluation;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;

class RobustnessSectionTest {
    /** The PNG signature: all the writer checks of the bytes it embeds. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(RobustnessSection.class.getName());
    }

    @Test
    void tabulatesAndDrawsAccuracyPerEpsInNumericOrder() throws Exception {
        List<MetricValue> values = new ArrayList<>();
        // eps 0.1 first and spelled as the evaluator spells it: rows follow the number, not the text
        for (String eps : List.of("0.1", "0.03")) {
            values.add(MetricValue.of("clean_accuracy", Slice.of("eps", eps), 0.75));
            values.add(MetricValue.of("adversarial_accuracy", Slice.of("eps", eps), eps.equals("0.1") ? 0.25 : 0.5));
            values.add(MetricValue.of("adversarial_accuracy", Slice.of("eps", eps).and("class", "<b>x</b>"), 0.2));
        }
        Path sheet = Files.write(dir.resolve("sheet.png"), PNG);
        RobustnessEvaluation r = new RobustnessEvaluation(RobustnessEvaluation.SCHEMA_VERSION, values,
                List.of(new RobustnessEvaluation.ExampleSheet(0.03, 2, 1, sheet)));
        List<Chart> drawn = new ArrayList<>();
        HtmlWriter out = new HtmlWriter(c -> {
            drawn.add(c);
            return PNG;
        });
        new RobustnessSection().render(ReportInput.of("t", r, Verdict.judge(List.of(), r, Optional.empty()))
                .withEvaluators(Map.of("attack", r)), out);
        String html = out.html();

        assertThat(html).containsSubsequence("<tr><th>0.03</th><td class=\"num\">0.750</td><td class=\"num\">0.500</td>",
                "<tr><th>0.1</th><td class=\"num\">0.750</td><td class=\"num\">0.250</td>");
        assertThat(html).contains("<img alt=\"Adversarial examples at eps 0.030\"")
                .contains("eps 0.030: the attack flipped 1 of these 2 predictions.");
        Chart.Lines chart = (Chart.Lines) drawn.get(0);
        assertThat(chart.x()).containsExactly(0.03, 0.1);
        assertThat(chart.series()).extracting(Chart.Series::values)
                .containsExactly(List.of(0.75, 0.75), List.of(0.5, 0.25));
    }

    @Test
    void saysWhenNoRobustnessEvaluatorRan() {
        Evaluation none = Evaluation.of(List.of());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new RobustnessSection().render(ReportInput.of("t", none, Verdict.judge(List.of(), none, Optional.empty())), out);
        assertThat(out.html()).isEqualTo("<p class=\"missing\">No robustness evaluator ran.</p>\n");
    }
}
