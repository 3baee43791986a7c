package org.trustml.report.internal;

import static org.trustml.core.report.ReportFormat.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustml.core.evaluation.ClassificationReport;
import org.trustml.core.evaluation.ConfusionMatrix;
import org.trustml.core.evaluation.SliceResult;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/** The confusion matrix overall and on every slice, each cell shaded by its share of the true class's rows. */
final class ConfusionSection implements ReportSection {
    @Override
    public String id() {
        return "confusion";
    }

    @Override
    public String title() {
        return "Confusion matrices";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean appliesTo(ReportInput input) {
        return input.classification().isPresent();
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        out.open("p", "class", "caption")
                .text("Rows are the true class, columns the predicted class (as scikit-learn's ")
                .element("code", "confusion_matrix").text("); the shade is the share of the true class's rows.")
                .close("p").newline();
        out.open("div", "class", "matrices").newline();
        for (SliceResult s : slices(input.classification().orElseThrow())) {
            matrix(out, s, input.unit());
        }
        out.close("div").newline();
    }

    /** The overall result, then every slice's. */
    static List<SliceResult> slices(ClassificationReport c) {
        List<SliceResult> slices = new ArrayList<>(List.of(c.overall()));
        slices.addAll(c.slices());
        return slices;
    }

    private static void matrix(HtmlWriter out, SliceResult s, String unit) {
        ConfusionMatrix m = s.confusion();
        out.open("div", "class", "matrix").element("h3", s.slice().toString()).newline();
        out.open("table").open("tr").element("th", "true \\ predicted");
        m.classes().forEach(c -> out.element("th", c, "class", "num"));
        out.element("th", "rows", "class", "num").close("tr").newline();
        for (int t = 0; t < m.classes().size(); t++) {
            long support = m.support(t);
            out.open("tr").element("th", m.classes().get(t));
            for (int p = 0; p < m.classes().size(); p++) {
                long n = m.count(t, p);
                double share = support == 0 ? 0 : (double) n / support;
                // cell shade: the share of the true class's rows, blue on the diagonal, red off it
                String colour = t == p ? "40,110,200" : "200,60,40";
                out.element("td", n, "class", "num", "style",
                        String.format(Locale.ROOT, "background: rgba(%s,%.2f)", colour, 0.08 + 0.6 * share));
            }
            out.element("td", support, "class", "num").close("tr").newline();
        }
        out.close("table").newline();
        out.element("div", s.rows() + " " + unit + ", accuracy " + num(s.accuracy()), "class", "caption").close("div")
                .newline();
    }
}
