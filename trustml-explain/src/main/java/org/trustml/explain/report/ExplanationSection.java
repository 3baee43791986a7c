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
import org.trustml.explain.FeatureWeight;

/**
 * The report's {@code explanations} section (order 400), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: for each {@link ExplanationReport}
 * among the evaluators, every explained image's LIME overlay and heat map (read from the PNGs the evaluator
 * wrote) with truth, prediction, probability, the local model's R² and the top superpixel weights. Without an
 * explanation report it says that no explanation evaluator ran.
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
        if (reports.isEmpty()) {
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
}
