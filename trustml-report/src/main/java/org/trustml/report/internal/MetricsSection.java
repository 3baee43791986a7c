package org.trustml.report.internal;

import org.trustml.core.report.HtmlWriter;
import org.trustml.core.report.ReportFormat;
import org.trustml.core.report.ReportInput;
import org.trustml.core.report.ReportSection;

/** Every metric of the evaluation, by slice, with the reason when a value is undefined. */
final class MetricsSection implements ReportSection {
    @Override
    public String id() {
        return "metrics";
    }

    @Override
    public String title() {
        return "All metrics";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public void render(ReportInput input, HtmlWriter out) {
        out.open("details").element("summary", "Every metric of the evaluation, by slice").newline();
        ReportFormat.metricTable(out, input.evaluation().metrics());
        out.close("details").newline();
    }
}
