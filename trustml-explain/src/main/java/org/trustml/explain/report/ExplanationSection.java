package org.trustml.explain.report;

import static org.trustml.core.report.ReportFormat.num;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.explain.ExplanationReport;
import org.trustml.explain.FeatureRule;
import org.trustml.explain.FeatureWeight;
import org.trustml.explain.TabularExplanationReport;

/**
 * The report's {@code explanations} section (order 400), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: for each {@link ExplanationReport}
 * among the evaluators, every explained image's LIME overlay and heat map (read from the PNGs the evaluator
 * wrote) with truth, prediction, probability, the local model's R² and the top superpixel weights; for each
 * {@link TabularExplanationReport}, every explained row's top rules (lime's {@code as_list()}) with their weights
 * drawn as bars, red for the class and blue against it, as lime's {@code as_pyplot_figure} draws them. Without
 * an explanation report it says that no explanation evaluator ran.
 */
public final class ExplanationSection implements ReportSection, ReportSectionProvider {
    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "explanations";
    }

    @Override
    public String title() {
        return "Explanations";
    }

    @Override
    public String heading(ReportInput input) {
        return "Explanations (LIME)";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Map<String, ExplanationReport> reports = input.results(ExplanationReport.class);
        reports.forEach((name, e) -> {
            out.open("p", "class", "caption").text("Evaluator ").element("code", name).text(": " + e.numSamples()
                    + " perturbation samples per image, seed " + e.seed() + ". Left: the outline (yellow) of the"
                    + " superpixels that speak most for the predicted class; right: every superpixel's weight, red"
                    + " for the class and blue against it.").close("p").newline();
            e.images().forEach(i -> image(out, i));
        });
        Map<String, TabularExplanationReport> tables = input.results(TabularExplanationReport.class);
        tables.forEach((name, e) -> {
            out.open("p", "class", "caption").text("Evaluator ").element("code", name).text(": " + e.numSamples()
                    + " perturbation samples per row, seed " + e.seed() + ". Each row's rules are the local linear"
                    + " model's largest weights: red speaks for the predicted class, blue against it.")
                    .close("p").newline();
            e.rows().forEach(r -> row(out, r));
        });
        if (reports.isEmpty() && tables.isEmpty()) {
            out.element("p", "No explanation evaluator ran.", "class", "missing").newline();
        }
    }

    private static void image(HtmlWriter out, ExplanationReport.ExplainedImage i) {
        out.open("figure").image(i.overlay(), "LIME overlay of " + i.path(), "class", "pixels").text(" ")
                .image(i.heatMap(), "LIME heat map of " + i.path(), "class", "pixels").newline();
        out.open("figcaption").element("b", i.path()).text(": true " + i.truth() + ", predicted " + i.predicted()
                + " (p = " + num(i.probability()) + ")");
        if (!i.truth().equals(i.predicted())) {
            out.text(" ").element("span", "wrong", "class", "fail");
        }
        out.text("; local model R² " + num(i.score()) + " over " + i.segments() + " superpixels. ");
        for (FeatureWeight w : i.topWeights()) {
            out.text(String.format(Locale.ROOT, "superpixel %d: %+.4f; ", w.feature(), w.weight()));
        }
        out.close("figcaption").close("figure").newline();
    }

    /** Bars are this many pixels for the row's largest |weight|. */
    private static final int BAR = 160;

    private static void row(HtmlWriter out, TabularExplanationReport.ExplainedRow r) {
        out.open("figure").open("figcaption").element("b", "Row " + (r.row() + 1)).text(": true " + r.truth()
                + ", predicted " + r.predicted() + " (p = " + num(r.probability()) + ")");
        if (!r.truth().equals(r.predicted())) {
            out.text(" ").element("span", "wrong", "class", "fail");
        }
        out.text("; local model R² " + num(r.score()) + ", intercept " + num(r.intercept()) + ".")
                .close("figcaption").newline();
        double largest = r.rules().stream().mapToDouble(f -> Math.abs(f.weight())).max().orElse(0);
        out.open("table").open("tr").element("th", "rule").element("th", "weight", "class", "num").element("th", "")
                .close("tr").newline();
        for (FeatureRule f : r.rules()) {
            int width = largest > 0 ? (int) Math.round(BAR * Math.abs(f.weight()) / largest) : 0;
            String colour = f.weight() >= 0 ? "#c0392b" : "#2e6bd1";
            out.open("tr").element("td", f.rule()).element("td", String.format(Locale.ROOT, "%+.4f", f.weight()),
                    "class", "num").open("td").element("div", "", "style", "width:" + width
                            + "px;height:0.8em;background:" + colour, "title", f.rule()).close("td").close("tr")
                    .newline();
        }
        out.close("table").close("figure").newline();
    }
}
