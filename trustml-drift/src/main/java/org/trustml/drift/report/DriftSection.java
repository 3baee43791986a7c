package org.trustml.drift.report;

import static org.trustml.core.report.ReportFormat.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.trustml.core.report.Chart;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportFormat;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;
import org.trustml.core.report.ReportSectionProvider;
import org.trustml.drift.ColumnDrift;
import org.trustml.drift.DriftReport;
import org.trustml.drift.TestResult;

/**
 * The report's {@code drift} section (order 600), registered in this module's
 * {@code META-INF/services/org.trustml.core.report.ReportSectionProvider}: for each {@link DriftReport} among
 * the evaluators, the dataset verdict and drift share, each feature's first p-value against its test's
 * threshold as bars, and every test per feature in a table. Without one it says that no drift evaluator ran.
 */
public final class DriftSection implements ReportSection, ReportSectionProvider {
    @Override
    public List<ReportSection> sections() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "drift";
    }

    @Override
    public String title() {
        return "Drift";
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        Map<String, DriftReport> reports = input.results(DriftReport.class);
        reports.forEach((name, d) -> drift(out, name, d));
        if (reports.isEmpty()) {
            out.element("p", "No drift evaluator ran.", "class", "missing").newline();
        }
    }

    private static void drift(HtmlWriter out, String name, DriftReport d) {
        out.open("p").text("Evaluator ").element("code", name).text(": dataset drift ")
                .element("b", d.drifted() ? "yes" : "no").text("; drift share " + num(d.driftShare()) + " (alpha "
                        + num(d.alpha()) + ", correction " + d.correction() + ")"
                        + (d.driftedColumns().isEmpty() ? "" : "; drifted: " + String.join(", ", d.driftedColumns()))
                        + ".").close("p").newline();
        List<String> columns = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        OptionalDouble threshold = OptionalDouble.empty();
        for (ColumnDrift c : d.columns()) {
            Optional<TestResult> first = c.tests().stream().filter(t -> t.pValue().isPresent()).findFirst();
            if (first.isPresent()) {
                columns.add(c.column());
                p.add(first.get().pValue().get());
                threshold = OptionalDouble.of(first.get().threshold());
            }
        }
        if (!columns.isEmpty()) {
            out.open("figure").chart(new Chart.GroupedBars("p-value per feature (line: the test's threshold)",
                    "p-value", columns, List.of(new Chart.Series("p-value", p)), 0, 1,
                    Math.max(560, 50 * columns.size()), 320, threshold), "Drift p-values")
                    .element("figcaption", "p-value of each feature's test; below the line is drift.").close("figure")
                    .newline();
        }
        out.open("details").element("summary", "Every test").newline().open("table").open("tr");
        for (String h : new String[] {"feature", "kind", "test"}) {
            out.element("th", h);
        }
        for (String h : new String[] {"statistic", "p-value", "distance", "threshold"}) {
            out.element("th", h, "class", "num");
        }
        out.element("th", "drift").close("tr").newline();
        for (ColumnDrift c : d.columns()) {
            for (TestResult t : c.tests()) {
                out.open("tr").element("td", c.column()).element("td", c.kind()).element("td", t.test().jsonName())
                        .element("td", num(t.statistic()), "class", "num")
                        .element("td", t.pValue().map(ReportFormat::num).orElse(""), "class", "num")
                        .element("td", t.distance().map(ReportFormat::num).orElse(""), "class", "num")
                        .element("td", num(t.threshold()), "class", "num").element("td", t.drifted() ? "yes" : "no")
                        .close("tr").newline();
            }
        }
        out.close("table").close("details").newline();
    }
}
