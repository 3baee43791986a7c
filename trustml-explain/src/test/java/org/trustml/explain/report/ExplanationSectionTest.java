package org.trustml.explain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.explain.ExplanationReport;
import org.trustml.explain.FeatureRule;
import org.trustml.explain.FeatureWeight;
import org.trustml.explain.TabularExplanationReport;

class ExplanationSectionTest {
    /** The PNG signature: all the writer checks of the bytes it embeds. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void isFoundWithServiceLoader() {
        assertThat(ServiceLoader.load(ReportSectionProvider.class).stream().map(p -> p.type().getName()).toList())
                .contains(ExplanationSection.class.getName());
    }

    @Test
    void showsEachImagesOverlayHeatMapAndWeightsEscaped() throws Exception {
        byte[] overlay = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1};
        Files.write(dir.resolve("overlay.png"), overlay);
        Files.write(dir.resolve("heat.png"), PNG);
        ExplanationReport report = new ExplanationReport(ExplanationReport.SCHEMA_VERSION, 50, 7, List.of(
                new ExplanationReport.ExplainedImage(0, "test/<img src=x>.png", "covid", "<b>normal</b>", 0.6, 12, 0.71,
                        0.1, List.of(new FeatureWeight(3, 0.2), new FeatureWeight(5, -0.1)), dir.resolve("overlay.png"),
                        dir.resolve("heat.png"))));
        String html = render(report);
        assertThat(html).contains("<code>lime</code>: 50 perturbation samples per image, seed 7.")
                .contains("<img class=\"pixels\" alt=\"LIME overlay of test/&lt;img src&#61;x&gt;.png\" src=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(overlay).replace("=", "&#61;") + "\">")
                .contains("<b>test/&lt;img src&#61;x&gt;.png</b>: true covid, predicted &lt;b&gt;normal&lt;/b&gt; (p &#61; 0.600)")
                .contains("<span class=\"fail\">wrong</span>; local model R² 0.710 over 12 superpixels.")
                .contains("superpixel 3: +0.2000; superpixel 5: -0.1000; ")
                .doesNotContain("<img src=x>").doesNotContain("<b>normal");
    }

    @Test
    void showsEachRowsRulesWithBarsScaledToTheLargestWeightEscaped() {
        TabularExplanationReport report = new TabularExplanationReport(TabularExplanationReport.SCHEMA_VERSION, 400,
                9, List.of("income", "sex"), List.of(new TabularExplanationReport.ExplainedRow(4, "good", "<i>bad</i>",
                        0.8, 0.55, 0.3, List.of(new FeatureRule(1, "sex=<F>", -0.4), new FeatureRule(0,
                                "income <= 1.20", 0.1)))));
        Verdict verdict = Verdict.judge(List.of(), report, Optional.empty());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new ExplanationSection().render(ReportInput.of("t", report, verdict).withEvaluators(Map.of("lime", report)),
                out);
        assertThat(out.html()).contains("<code>lime</code>: 400 perturbation samples per row, seed 9.")
                .contains("<b>Row 5</b>: true good, predicted &lt;i&gt;bad&lt;/i&gt; (p &#61; 0.800)")
                .contains("<span class=\"fail\">wrong</span>; local model R² 0.550, intercept 0.300.")
                // 160 px for the largest |weight| (0.4, against: blue), a quarter of it for 0.1 (for: red)
                .contains("<td>sex&#61;&lt;F&gt;</td><td class=\"num\">-0.4000</td><td><div style=\"width:160px;"
                        + "height:0.8em;background:#2e6bd1\"")
                .contains("<td class=\"num\">+0.1000</td><td><div style=\"width:40px;height:0.8em;background:#c0392b")
                .doesNotContain("<F>").doesNotContain("<i>bad");
    }

    @Test
    void namesAnOverlayThatIsGone() {
        ExplanationReport report = new ExplanationReport(ExplanationReport.SCHEMA_VERSION, 50, 7, List.of(
                new ExplanationReport.ExplainedImage(0, "a.png", "x", "x", 0.6, 12, 0.71, 0.1, List.of(),
                        dir.resolve("gone.png"), dir.resolve("gone.png"))));
        assertThatThrownBy(() -> render(report)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gone.png").hasMessageContaining("cannot be read");
    }

    @Test
    void saysWhenNoExplanationEvaluatorRan() {
        Evaluation none = Evaluation.of(List.of());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new ExplanationSection().render(ReportInput.of("t", none, Verdict.judge(List.of(), none, Optional.empty())), out);
        assertThat(out.html()).isEqualTo("<p class=\"missing\">No explanation evaluator ran.</p>\n");
    }

    private static String render(ExplanationReport report) {
        Verdict verdict = Verdict.judge(List.of(), report, Optional.empty());
        HtmlWriter out = new HtmlWriter(c -> PNG);
        new ExplanationSection().render(ReportInput.of("t", report, verdict).withEvaluators(Map.of("lime", report)), out);
        return out.html();
    }
}
