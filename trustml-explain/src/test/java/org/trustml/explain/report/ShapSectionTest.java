package org.trustml.explain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.explain.ShapMethod;
import org.trustml.explain.ShapReport;

class ShapSectionTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static ShapReport report() {
        // E[f] = 0.4; the row's values +0.3 (income), −0.1 (<sex>), +0.05 (owner) reach f(x) = 0.65
        return new ShapReport(ShapReport.SCHEMA_VERSION, ShapMethod.KERNEL, "probability", 7,
                "200 background rows, k-means of 10", List.of("income", "<sex>", "owner"), List.of(0.2, 0.4, 0.1), 5,
                List.of(new ShapReport.ExplainedRow(3, "good", "bad", 0.4, 0.65, List.of(0.3, -0.1, 0.05),
                        List.of(0.01, 0.0, 0.002), 1e-16, true, 2090)));
    }

    @Test
    void isFoundWithServiceLoaderAndAppliesOnlyWhenASHAPEvaluatorRan() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(ShapSection.class.getName());
        ShapReport r = report();
        Verdict verdict = Verdict.judge(List.of(), r, Optional.empty());
        assertThat(new ShapSection().appliesTo(ReportInput.of("t", r, verdict))).isFalse();
        assertThat(new ShapSection().appliesTo(ReportInput.of("t", r, verdict).withEvaluators(Map.of("shap", r))))
                .isTrue();
    }

    @Test
    void drawsTheBarPlotAndTheWaterfallEscaped() {
        ShapReport r = report();
        Verdict verdict = Verdict.judge(List.of(), r, Optional.empty());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new ShapSection().render(ReportInput.of("t", r, verdict).withEvaluators(Map.of("shap", r)), out);
        assertThat(out.html())
                .contains("<code>shap</code>: KernelSHAP (seed 7), in probability of each row&#39;s predicted class;"
                        + " background: 200 background rows, k-means of 10. 1 of 1 rows converged, largest standard"
                        + " error 0.010; largest additivity error 1.0e-16.")
                // bars: <sex> first (0.4, 320 px), then income (160 px), owner (80 px)
                .contains("<td>&lt;sex&gt;</td><td class=\"num\">0.4000</td><td><div style=\"width:320px;")
                .contains("<td>income</td><td class=\"num\">0.2000</td><td><div style=\"width:160px;")
                // waterfall from 0.4: income +0.3 spans [0.4, 0.7] of the range [0.4, 0.7] → 0 px in, 320 px wide;
                // <sex> −0.1 goes back to 0.6 → starts at 213 px, 107 px wide, blue; owner +0.05 → 0.65
                .contains("<b>Row 4</b>: true good, predicted bad; E[f] &#61; 0.400, f(x) &#61; 0.650")
                .contains("<td>income</td><td class=\"num\">+0.3000 ± 0.0100</td><td><div style=\"margin-left:0px;"
                        + "width:320px;height:0.8em;background:#ff0051\"")
                .contains("<td class=\"num\">-0.1000</td><td><div style=\"margin-left:213px;width:107px;height:0.8em;"
                        + "background:#008bfb\"")
                .contains("<td class=\"num\">+0.0500 ± 0.0020</td><td><div style=\"margin-left:213px;width:53px;")
                .doesNotContain("<sex>");
    }
}
