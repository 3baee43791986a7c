package org.trustml.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.Verdict;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.report.HtmlReport;

/** The whole report, with every module on the class path (this module depends on all of them). */
class HtmlReportTest {
    private static final Pattern SRC = Pattern.compile("src=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @Test
    void hasEverySectionAndOnlyInlineImages() throws Exception {
        Blessing<ImageEvaluation> b = TestReports.blessing(dir);
        Path file = HtmlReport.of("CT demo", b).attach(TestReports.card()).runId("run-1").write(dir.resolve("report.html"));
        String html = Files.readString(file);

        // every module is on this class path, so every section is found, in the order of the page before sections
        // were found with ServiceLoader
        List<String> ids = new ArrayList<>();
        Matcher section = Pattern.compile("<section id=\"([^\"]+)\">").matcher(html);
        while (section.find()) {
            ids.add(section.group(1));
        }
        assertThat(html).contains("<header id=\"summary\">");
        assertThat(ids).containsExactly("confusion", "slices", "fairness", "explanations", "robustness", "drift",
                "verdict", "model-card", "metrics");
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("No fairness evaluator ran").doesNotContain("No drift evaluator ran");
        List<String> sources = new ArrayList<>();
        Matcher m = SRC.matcher(html);
        while (m.find()) {
            sources.add(m.group(1).replace("&#61;", "="));
        }
        // 11 images: charts of the slices, the ROC curve, 4 fairness bars (AIF360's statistical parity, disparate
        // impact, equal opportunity, average odds; the gated accuracy is a performance gate and gets none), robustness
        // and drift; the LIME overlay and heat map; one adversarial example sheet
        assertThat(sources.size()).isEqualTo(11);
        assertThat(sources).allSatisfy(s -> {
            assertThat(s).startsWith("data:image/png;base64,");
            byte[] png = Base64.getDecoder().decode(s.substring("data:image/png;base64,".length()));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        });
    }

    @Test
    void escapesEveryUserText() throws Exception {
        String html = HtmlReport.of("CT <b>demo</b>", TestReports.blessing(dir)).attach(TestReports.card()).html();
        assertThat(html).contains("<title>Trust report: CT &lt;b&gt;demo&lt;/b&gt;</title>")
                .contains("COVID &lt;b&gt;19&lt;/b&gt;") // a class label
                .contains("F&lt;script&gt;alert(1)&lt;/script&gt;") // a slice value
                .contains("test/covid/&lt;img src&#61;x&gt;.png") // an image path
                .doesNotContain("<b>19</b>").doesNotContain("<img src=x>");
        // the card goes into srcdoc escaped once, so its own escaping survives inside the frame
        assertThat(html).contains("srcdoc=\"&lt;!DOCTYPE html&gt;").doesNotContain("<script>document.title");
    }

    @Test
    void showsEveryGateWithItsResult() {
        Blessing<ImageEvaluation> b = TestReports.blessing(dir);
        String html = HtmlReport.of("CT demo", b).html();
        Verdict v = b.verdict();
        // hand-worked: accuracy 10/12 = 0.833 passes [0.7, +inf]; recall of the positives among the second group 1/3
        // fails [0.6, +inf]; a gate on a missing metric fails
        assertThat(v.results()).hasSize(4);
        assertThat(html).contains("Bless verdict: NOT_BLESSED").contains("no_such_metric").contains("missing")
                .contains("0.333").contains("0.833");
        assertThat(count(html, "<span class=\"fail\">FAIL</span>")).isEqualTo(v.failures().size());
        assertThat(count(html, "<span class=\"pass\">pass</span>")).isEqualTo(v.results().size() - v.failures().size());
        assertThat(html).contains("No model card was given.");
    }

    @Test
    void saysWhichEvaluatorsDidNotRun() {
        Blessing<ImageEvaluation> full = TestReports.blessing(dir);
        ImageEvaluation bare = new ImageEvaluation(full.evaluation().model(), full.evaluation().classification(), Map.of());
        String html = HtmlReport.of("bare", new Blessing<>(bare, Verdict.judge(List.of(), bare, java.util.Optional.empty())))
                .html();
        assertThat(html).contains("No fairness evaluator ran.").contains("No explanation evaluator ran.")
                .contains("No robustness evaluator ran.").contains("No drift evaluator ran.")
                .contains("No gates were set");
    }

    @Test
    void namesAnEvaluatorImageThatIsGone() throws Exception {
        Blessing<ImageEvaluation> b = TestReports.blessing(dir);
        Files.delete(dir.resolve("sheet.png"));
        Path target = dir.resolve("out/report.html");
        assertThatThrownBy(() -> HtmlReport.of("CT demo", b).write(target)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sheet.png").hasMessageContaining("cannot be read");
        assertThat(target).doesNotExist(); // nothing half-written
    }

    @Test
    void rejectsABlankTitle() {
        assertThatThrownBy(() -> HtmlReport.of(" ", TestReports.blessing(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("title");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
