package org.trustml.drift.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.core.table.DoubleColumn;
import org.trustml.core.table.Table;
import org.trustml.drift.Drift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.TestResult;

class DriftSectionTest {
    /** The PNG signature: all the writer checks of the bytes the stub renderer returns. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String COLUMN = "mean_<b>r</b>";

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(DriftSection.class.getName());
    }

    @Test
    void drawsEachFeaturesPValueAgainstItsThresholdAndListsEveryTest() {
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i / 30.0; // uniform on [0, 1)
            b[i] = 0.5 + i / 60.0; // uniform on [0.5, 1): clearly shifted
        }
        DriftReport d = Drift.between(Table.of(DoubleColumn.of(COLUMN, a)), Table.of(DoubleColumn.of(COLUMN, b)))
                .report();
        List<Chart> drawn = new ArrayList<>();
        HtmlWriter out = new HtmlWriter(c -> {
            drawn.add(c);
            return PNG;
        });
        new DriftSection().render(ReportInput.of("t", d, Verdict.judge(List.of(), d, Optional.empty()))
                .withEvaluators(Map.of("drift", d)), out);
        String html = out.html();

        TestResult first = d.columns().get(0).tests().get(0); // the numbers are the report's own
        Chart.GroupedBars bars = (Chart.GroupedBars) drawn.get(0);
        assertThat(bars.categories()).containsExactly(COLUMN);
        assertThat(bars.series().get(0).values()).containsExactly(first.pValue().orElseThrow());
        assertThat(bars.reference()).hasValue(first.threshold());
        assertThat(html).contains("<code>drift</code>: dataset drift <b>yes</b>; drift share 1.000")
                .contains("; drifted: mean_&lt;b&gt;r&lt;/b&gt;.</p>")
                .contains("<tr><td>mean_&lt;b&gt;r&lt;/b&gt;</td><td>numeric</td><td>" + first.test().jsonName())
                .doesNotContain("<b>r</b>");
    }

    @Test
    void saysWhenNoDriftEvaluatorRan() {
        Evaluation none = Evaluation.of(List.of());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new DriftSection().render(ReportInput.of("t", none, Verdict.judge(List.of(), none, Optional.empty())), out);
        assertThat(out.html()).isEqualTo("<p class=\"missing\">No drift evaluator ran.</p>\n");
    }
}
