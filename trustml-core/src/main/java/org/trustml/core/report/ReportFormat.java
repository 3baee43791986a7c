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

    /** A table of metric values: name, slice, value ({@link #num(double)}) and why a value is undefined. */
    public static void metricTable(HtmlWriter out, List<MetricValue> values) {
        out.open("table").open("tr").element("th", "metric").element("th", "slice").element("th", "value", "class", "num")
                .element("th", "why undefined").close("tr").newline();
        for (MetricValue m : values) {
            out.open("tr").element("td", m.name()).element("td", m.slice().toString())
                    .element("td", num(m.value()), "class", "num").element("td", m.undefinedReason().orElse(""))
                    .close("tr").newline();
        }
        out.close("table");
    }
}
