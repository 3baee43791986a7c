package org.trustml.core.report;

import java.util.List;
import java.util.Locale;
import org.trustml.core.evaluation.MetricValue;

/** How report sections spell numbers and list metrics, so every section reads the same. */
public final class ReportFormat {
    private ReportFormat() {}

    /** A value with three decimals ({@link Locale#ROOT}), or {@code "undefined"} for NaN. */
    public static String num(double x) {
        return Double.isNaN(x) ? "undefined" : String.format(Locale.ROOT, "%.3f", x);
    }

    /**
     * A table of metric values: name, slice, value ({@link #num(double)}) and why a value is undefined; with a
     * confidence interval column when any value has one ({@code [lower, upper]}, or why it is undefined).
     */
    public static void metricTable(HtmlWriter out, List<MetricValue> values) {
        boolean intervals = values.stream().anyMatch(m -> m.interval().isPresent());
        out.open("table").open("tr").element("th", "metric").element("th", "slice").element("th", "value", "class", "num");
        if (intervals) {
            out.element("th", "interval");
        }
        out.element("th", "why undefined").close("tr").newline();
        for (MetricValue m : values) {
            out.open("tr").element("td", m.name()).element("td", m.slice().toString())
                    .element("td", num(m.value()), "class", "num");
            if (intervals) {
                out.element("td", m.interval().map(ci -> ci.isDefined() ? "[" + num(ci.lower()) + ", " + num(ci.upper())
                        + "]" : "undefined: " + ci.undefinedReason().orElse("")).orElse(""));
            }
            out.element("td", m.undefinedReason().orElse("")).close("tr").newline();
        }
        out.close("table");
    }
}
