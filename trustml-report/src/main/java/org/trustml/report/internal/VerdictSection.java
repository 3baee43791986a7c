package org.trustml.report.internal;

import static org.trustml.core.report.ReportFormat.num;

import org.trustml.core.evaluation.GateResult;
import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/** Every gate of the bless verdict: metric, slice, threshold, value, baseline, pass or FAIL. */
final class VerdictSection implements ReportSection {
    @Override
    public String id() {
        return "verdict";
    }

    @Override
    public String title() {
        return "Verdict";
    }

    @Override
    public String heading(ReportInput input) {
        return "Bless verdict: " + input.verdict().status().name();
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        out.open("table", "class", "wide").open("tr");
        for (String h : new String[] {"metric", "slice", "threshold"}) {
            out.element("th", h);
        }
        out.element("th", "value", "class", "num").element("th", "baseline", "class", "num").element("th", "result")
                .close("tr").newline();
        for (GateResult r : input.verdict().results()) {
            out.open("tr", "title", r.message()).element("td", r.gate().metric().jsonName())
                    .element("td", r.gate().slice().toString()).element("td", r.gate().describe())
                    .element("td", r.value().isPresent() ? num(r.value().getAsDouble()) : "missing", "class", "num")
                    .element("td", r.baseline().isPresent() ? num(r.baseline().getAsDouble()) : "", "class", "num")
                    .open("td").element("span", r.passed() ? "pass" : "FAIL", "class", r.passed() ? "pass" : "fail")
                    .close("td").close("tr").newline();
        }
        out.close("table").newline();
        if (input.verdict().results().isEmpty()) {
            out.element("p", "No gates were set: nothing was checked.", "class", "missing").newline();
        }
    }
}
